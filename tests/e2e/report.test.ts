import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allQuestions } from '../../src/core/survey';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { expectAccessible, launch } from './browser';
import { makeResponse, organiserFetch, postResponses, signIn } from './organiser/helpers';
import { startServer, type TestServer } from './server';

/** A4 less the report's @page margins (297 mm − 2 × 14 mm), in CSS pixels. */
const PRINTABLE_HEIGHT_PX = ((297 - 28) / 25.4) * 96;

let browser: Browser;
let server: TestServer;
let page: Page;

/** Two waves, three groups of at least 5 and one small one (withheld), and a weighting. */
async function seed(baseUrl: string): Promise<void> {
  for (const [slug, label, startsAt] of [['day-1', 'Day one', '2025-06-01T09:00:00Z'], ['day-2', 'Day two', '2025-06-02T09:00:00Z']]) {
    const res = await organiserFetch(baseUrl, '/surveys/sovereign-ai/waves', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug, label, startsAt, oneResponsePerDevice: false }) });
    expect(res.status).toBe(201);
  }
  await postResponses(baseUrl, [
    ...Array.from({ length: 6 }, () => makeResponse({ group: 'defense', wave: 'day-1', likert: 4, spectrum: 8 })),
    ...Array.from({ length: 6 }, () => makeResponse({ group: 'culture', wave: 'day-1', likert: 2, spectrum: 2, channel: 'conference' })),
    ...Array.from({ length: 5 }, () => makeResponse({ group: 'research', wave: 'day-2', likert: 5, channel: 'field' })),
    ...Array.from({ length: 5 }, () => makeResponse({ group: 'defense', wave: 'day-2', likert: 3, channel: 'field' })),
    ...Array.from({ length: 2 }, () => makeResponse({ group: 'citizen', wave: 'day-2', likert: 1 })),
  ]);
  const shares = { defense: 0.4, culture: 0.3, research: 0.2, citizen: 0.1 };
  const res = await organiserFetch(baseUrl, '/surveys/sovereign-ai/weighting', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shares }) });
  expect(res.status).toBe(200);
}

const questionCards = () => page.locator('section[aria-labelledby=rp-questions] .org-question');

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  await seed(server.url);
  page = await (await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-US' })).newPage();
  await signIn(page, server.url, undefined, '/organiser/report?survey=sovereign-ai&weighted=true&lang=en');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the printable report', () => {
  it('has the method block, every question with its open table and the groups side by side, trends and the opinion summary', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toContain('Results report');
    const method = page.getByRole('region', { name: 'Method' });
    await expect.poll(() => method.textContent()).toContain('post-stratified');
    expect(await method.getByRole('table').count()).toBeGreaterThanOrEqual(4); // channels, waves, groups, weights
    expect(await method.textContent()).toContain('fewer than 5 responses');
    expect(await method.textContent()).toContain("Student's t");
    expect(await method.getByRole('row', { name: /Field 10/ }).count()).toBe(1);
    expect(await questionCards().count()).toBe(allQuestions(sovereignAiSurvey).length);
    expect(await page.locator('details:not([open])').count()).toBe(0);
    const position = page.locator('section[aria-labelledby="r-p-general-service"]');
    await expect.poll(() => position.getByRole('heading', { level: 4 }).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Defense and security industry'), expect.stringContaining('Citizen or user')]));
    expect(await position.textContent()).toMatch(/fewer than 5/i);
    expect(await position.textContent()).toMatch(/All responses \(weighted, effective n [\d.]+\)/);
    expect(await page.getByRole('region', { name: 'Trends across waves' }).getByRole('img').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('region', { name: 'Opinion map: consensus and division' }).textContent(), { timeout: 20_000 }).toMatch(/Consensus|consensus/);
    await expectAccessible(page, 'report (English)');
  });

  it('switches to Korean, with the language set for screen readers', async () => {
    const languages = page.getByRole('group', { name: 'Language', exact: true });
    await languages.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('결과 보고서');
    expect(await page.locator('.rp-page').getAttribute('lang')).toBe('ko');
    expect(await page.getByRole('region', { name: '조사 방법' }).textContent()).toContain('사후층화');
    await expectAccessible(page, 'report (Korean)');
    await page.getByRole('group', { name: '언어', exact: true }).getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Results report');
  });

  it('prints to A4 pages without the toolbar, every chart kept whole on a page', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.rp-toolbar').isVisible()).toBe(false);
    expect(await page.locator('header.top').isVisible()).toBe(false);
    const figures = await page.locator('.org-figure').evaluateAll((nodes) => nodes.map((n) => ({ breakInside: getComputedStyle(n).breakInside, height: n.getBoundingClientRect().height })));
    expect(figures.length).toBeGreaterThan(allQuestions(sovereignAiSurvey).length);
    for (const figure of figures) {
      expect(figure.breakInside).toBe('avoid');
      expect(figure.height).toBeLessThan(PRINTABLE_HEIGHT_PX);
    }
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // For looking at the pages by eye (pdftoppm), not for the test's verdict.
    if (process.env.STANCE_REPORT_PDF) writeFileSync(process.env.STANCE_REPORT_PDF, pdf);
    await page.emulateMedia({ media: 'screen' });
  });
});
