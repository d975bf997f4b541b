import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from './client';
import type { Figure, SectionResult } from './report';
import { startConstant, startStance } from './servers';
import { median, round } from './stats';

const RUNS = 3;
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The figures DESIGN §5 names, from one Lighthouse run. */
type Run = { performance: number; accessibility: number; bestPractices: number; lcpMs: number; tbtMs: number; cls: number; failing: string[] };

/** One Lighthouse 12 run with its defaults: mobile, simulated slow 4G, 4× CPU slowdown. */
async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? NaN;
  // Audits that cost points in accessibility or best practices, so a miss says why.
  const failing = ['accessibility', 'best-practices'].flatMap((c) =>
    (categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => `${c}: ${r.id}`),
  );
  return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), lcpMs: value('largest-contentful-paint'), tbtMs: value('total-blocking-time'), cls: value('cumulative-layout-shift'), failing };
}

function medianRun(runs: Run[]): Run {
  const m = (pick: (r: Run) => number) => median(runs.map(pick));
  return { performance: m((r) => r.performance), accessibility: m((r) => r.accessibility), bestPractices: m((r) => r.bestPractices), lcpMs: m((r) => r.lcpMs), tbtMs: m((r) => r.tbtMs), cls: m((r) => r.cls), failing: [...new Set(runs.flatMap((r) => r.failing))] };
}

function pageFigures(page: string, r: Run, floor: Run): Figure[] {
  const section = 'lighthouse';
  const name = (what: string) => `${page}: ${what} (median of ${RUNS})`;
  const limit = (value: number) => ({ value, label: 'constant page' });
  return [
    { section, name: name('performance'), value: r.performance, unit: '/100', target: { op: '>=', value: 98 } },
    { section, name: name('accessibility'), value: r.accessibility, unit: '/100', target: { op: '>=', value: 100 } },
    { section, name: name('best practices'), value: r.bestPractices, unit: '/100', target: { op: '>=', value: 100 } },
    { section, name: name('LCP'), value: round(r.lcpMs, 0), unit: 'ms', target: { op: '<=', value: 1500 }, limit: limit(round(floor.lcpMs, 0)) },
    { section, name: name('TBT'), value: round(r.tbtMs, 0), unit: 'ms', target: { op: '<=', value: 50 }, limit: limit(round(floor.tbtMs, 0)) },
    { section, name: name('CLS'), value: round(r.cls, 3), unit: '', target: { op: '<=', value: 0.02 } },
  ];
}

async function runs(url: string, port: number): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await audit(url, port));
  return out;
}

/** Lighthouse against the built server for the start page and the survey page, beside a constant page. */
export async function benchLighthouse(): Promise<SectionResult> {
  const server = await startStance({ rateLimit: true });
  const constant = await startConstant();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS, logLevel: 'error' });
  try {
    const floor = medianRun(await runs(`${constant.url}/page`, chrome.port));
    const start = await runs(`${server.url}/`, chrome.port);
    const survey = await runs(`${server.url}/s/sovereign-ai`, chrome.port);
    const figures = [...pageFigures('start page /', medianRun(start), floor), ...pageFigures('survey page /s/sovereign-ai', medianRun(survey), floor)];
    return { figures, details: { runs: RUNS, constantPage: floor, start, survey } };
  } finally {
    chrome.kill();
    await constant.stop();
    await server.stop();
  }
}
