import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { markStartup, type StartupMarks } from './browser/interactive';
import { submitInUi } from './client-ui';
import type { Figure, SectionResult } from './report';
import { deviceId, submitBody } from './fixtures';
import { startStance, type Running } from './servers';
import { median, percentiles, round } from './stats';

/** Debian's Chromium, quiet and offline-safe (the flags the e2e tests use). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const HELD = 10_000;
const STARTS = 3;
const SURVEY = '/s/sovereign-ai';

type Harness = {
  draftSaves(n: number): Promise<{ saves: number[]; raw: number[] }>;
  submits(n: number): Promise<{ submits: number[]; raw: number[] }>;
  seedOutbox(n: number): Promise<number>;
};

/** Serves the harness on the server's own origin (same IndexedDB as the app) without touching dist/app. */
async function routeHarness(context: BrowserContext, server: Running): Promise<void> {
  const script = readFileSync('dist/bench/browser/harness.js', 'utf8');
  await context.route(`${server.url}/__bench/**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script type="module" src="/__bench/harness.js"></script>' }),
  );
}

async function harness(page: Page, server: Running): Promise<void> {
  await page.goto(`${server.url}/__bench/`);
  await page.waitForFunction(() => document.title === 'ready');
}

const call = <K extends keyof Harness>(page: Page, name: K, n: number) =>
  page.evaluate(([k, arg]) => ((window as unknown as { stanceBench: Harness }).stanceBench[k] as (n: number) => Promise<unknown>)(arg), [name, n] as const) as ReturnType<Harness[K]>;

function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('stance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => (resolve(count.result), open.result.close());
        };
      }),
  );
}

/** Reloads the survey page and returns the start-up marks once it is usable. */
async function startUp(page: Page): Promise<StartupMarks> {
  await page.goto(`${page.url().split('/').slice(0, 3).join('/')}${SURVEY}`);
  await page.waitForFunction(() => (window as unknown as { __startup: StartupMarks }).__startup.interactive !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __startup: StartupMarks }).__startup);
}

/** Start-up `STARTS` times with the device offline for the API (so the outbox stays as seeded). */
async function startUps(page: Page, held: number): Promise<StartupMarks[]> {
  await page.route('**/api/v1/responses', (route) => route.abort('internetdisconnected'));
  const marks: StartupMarks[] = [];
  await harness(page, { url: page.url().split('/').slice(0, 3).join('/') } as Running);
  await call(page, 'seedOutbox', held);
  for (let i = 0; i < STARTS; i++) marks.push(await startUp(page));
  await page.unroute('**/api/v1/responses');
  return marks;
}

/** Back online: reload and time until the app's own sync has emptied the outbox, sampling the JS heap. */
async function syncAll(page: Page): Promise<{ ms: number; peakHeapMB: number; left: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  const start = performance.now();
  await startUp(page);
  let left = HELD;
  // Bounded: at most 120 s, sampled every 50 ms.
  while (left > 0 && performance.now() - start < 120_000) {
    await sample();
    left = await outboxCount(page);
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - start;
  await cdp.detach();
  return { ms, peakHeapMB: round(peak / 2 ** 20, 1), left };
}

/** The same 10,000 posted from Node in batches of 100, one after another: the server's share of a sync. */
async function syncFloor(server: Running): Promise<number> {
  const device = deviceId();
  const start = performance.now();
  for (let i = 0; i < HELD / 100; i++) {
    const { body } = submitBody(100, { device, channel: 'field', wave: 'field-floor' });
    const res = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-stance-device': device } });
    if (!res.ok) throw new Error(`sync floor: POST answered ${res.status}`);
    await res.arrayBuffer();
  }
  return performance.now() - start;
}

async function measure(context: BrowserContext, server: Running) {
  const page = await context.newPage();
  await harness(page, server);
  const drafts = await call(page, 'draftSaves', 1_000);
  const submits = await call(page, 'submits', 200);
  const empty = await startUps(page, 0);
  const held = await startUps(page, HELD);
  const sync = await syncAll(page);
  const floor = await syncFloor(server);
  const ui = await submitInUi(context, server.url, 3);
  return { drafts, submits, empty, held, sync, floor, ui };
}

function figures(m: Awaited<ReturnType<typeof measure>>): Figure[] {
  const section = 'client';
  const d = percentiles(m.drafts.saves);
  const dRaw = percentiles(m.drafts.raw);
  const s = percentiles(m.submits.submits);
  const sRaw = percentiles(m.submits.raw);
  const start = (marks: StartupMarks[]) => median(marks.map((x) => x.interactive!));
  return [
    { section, name: 'draft save p50 (1,000 answer changes)', value: round(d.p50, 2), unit: 'ms', limit: { value: round(dRaw.p50, 2), label: 'raw IndexedDB put' } },
    { section, name: 'draft save p95 (1,000 answer changes)', value: round(d.p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(dRaw.p95, 2), label: 'raw IndexedDB put' } },
    { section, name: 'submit p50 (outbox + draft, strict durability, 200)', value: round(s.p50, 2), unit: 'ms', limit: { value: round(sRaw.p50, 2), label: 'raw strict put' } },
    { section, name: 'submit p95 (outbox + draft, strict durability, 200)', value: round(s.p95, 2), unit: 'ms', limit: { value: round(sRaw.p95, 2), label: 'raw strict put' } },
    { section, name: 'submit in the UI: tap to thank-you (median of 3)', value: round(median(m.ui), 0), unit: 'ms' },
    { section, name: `start-up to interactive, ${HELD.toLocaleString('en-US')} in the outbox (median of ${STARTS})`, value: round(start(m.held), 0), unit: 'ms', target: { op: '<=', value: 1000 }, limit: { value: round(start(m.empty), 0), label: 'empty device' } },
    { section, name: `sync ${HELD.toLocaleString('en-US')} to a local server (reload to empty outbox)`, value: round(m.sync.ms / 1000, 2), unit: 's', target: { op: '<=', value: 20 }, limit: { value: round(m.floor / 1000, 2), label: 'same batches posted from Node' } },
    { section, name: 'sync: peak JS heap of the page', value: m.sync.peakHeapMB, unit: 'MB' },
  ];
}

/** The data layer and the app in Chromium: draft saves, submits, start-up and sync with 10,000 held. */
export async function benchClient(): Promise<SectionResult> {
  const server = await startStance({ rateLimit: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
  try {
    // No service worker: Playwright's routes (the harness, the offline API) do not see requests a worker handles.
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'ko-KR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addInitScript(markStartup, '시작하기');
    await routeHarness(context, server);
    const m = await measure(context, server);
    if (m.sync.left > 0) throw new Error(`${m.sync.left} responses were still in the outbox after 120 s`);
    const round2 = (xs: number[]) => xs.map((x) => round(x, 2));
    return { figures: figures(m), details: { drafts: percentiles(m.drafts.saves), draftsRaw: percentiles(m.drafts.raw), submits: percentiles(m.submits.submits), submitsRaw: percentiles(m.submits.raw), startEmpty: m.empty, startHeld: m.held, sync: m.sync, syncFloorMs: round(m.floor, 0), uiSubmitMs: round2(m.ui) } };
  } finally {
    await browser.close();
    await server.stop();
  }
}
