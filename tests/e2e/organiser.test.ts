import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, phone, waitForServiceWorker } from './browser';
import { decodeQr, makeResponse, organiserFetch, postResponses, screenshot, signIn } from './organiser/helpers';
import { answerUpToReview, press } from './respondent';
import { startServer, type TestServer } from './server';

const MARKUP = '<img src=x onerror=window.__pwned=1>';
const SEEDED = 21;

let browser: Browser;
let server: TestServer;
let organiser: BrowserContext;
let page: Page;

const results = (query = '') => `/organiser/results?survey=sovereign-ai${query}`;
const count = () => page.locator('[data-testid=response-count]').textContent();

/**
 * Two registered waves and 21 responses: two groups of at least 5 and two of 2 and 3, which
 * are withheld (together at least 5, so no larger group is held back with them).
 */
async function seed(baseUrl: string): Promise<void> {
  for (const [slug, label, startsAt] of [['day-1', 'Day one', '2025-06-01T09:00:00Z'], ['day-2', 'Day two', '2025-06-02T09:00:00Z']]) {
    const res = await organiserFetch(baseUrl, '/surveys/sovereign-ai/waves', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug, label, startsAt, oneResponsePerDevice: false }) });
    expect(res.status).toBe(201);
  }
  await postResponses(baseUrl, [
    ...Array.from({ length: 6 }, (_, i) => makeResponse({ group: 'defense', wave: 'day-1', likert: 4, comment: i === 0 ? MARKUP : undefined })),
    ...Array.from({ length: 5 }, () => makeResponse({ group: 'ai-industry', wave: 'day-1', likert: 2, channel: 'conference' })),
    ...Array.from({ length: 2 }, () => makeResponse({ group: 'culture', wave: 'day-1', likert: 5 })),
    ...Array.from({ length: 3 }, () => makeResponse({ group: 'public', wave: 'day-1', likert: 3 })),
    ...Array.from({ length: 5 }, () => makeResponse({ group: 'defense', wave: 'day-2', likert: 5, channel: 'field' })),
  ]);
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  await seed(server.url);
  organiser = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
  page = await organiser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the organiser pages', () => {
  it('refuse a wrong owner token with a clear message, keep the session in an HttpOnly cookie across a reload and a new tab, and end it on sign-out', async () => {
    await signIn(page, server.url, 'not-the-token');
    await expect.poll(() => page.locator('#token-signin-error').textContent()).toContain('That owner token was refused');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'sign-in with error');
    await screenshot(page, 'signin-en', false);

    await signIn(page, server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Surveys');
    expect(await page.locator('.org-survey').textContent()).toContain(`Responses: ${SEEDED}`);
    const [cookie] = (await organiser.cookies(server.url)).filter((c) => c.name === 'stance_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    expect(await page.evaluate(() => document.cookie)).not.toContain('stance_session');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(cookie!.value);
    await expectAccessible(page, 'survey list');
    await page.reload();
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    const second = await organiser.newPage();
    await second.goto(`${server.url}/organiser/surveys`);
    await second.getByRole('heading', { name: 'Surveys' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('#org-username').count()).toBe(1);
    expect((await organiser.cookies(server.url)).filter((c) => c.name === 'stance_session' && c.value)).toEqual([]);
    await second.reload();
    await second.locator('#org-username').waitFor();
    await second.close();
    await signIn(page, server.url);
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
  });

  it('show two phones’ responses live, without reloading, within a second or two of each submission', async () => {
    await page.goto(`${server.url}${results()}`);
    await expect.poll(count).toBe(String(SEEDED));
    await page.locator('.org-live[data-state=live]').waitFor();
    await expectAccessible(page, 'results');
    await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));

    const phones = await Promise.all([phone(browser), phone(browser)]);
    const join = `${server.url}/s/sovereign-ai?wave=day-2&channel=conference`;
    const respondents: [string, string | undefined][] = [['국방·안보 산업', undefined], ['콘텐츠·문화 산업', '데이터부터 확보해야 합니다']];
    for (const [i, [group, comment]] of respondents.entries()) {
      const respondent = await phones[i]!.newPage();
      await respondent.goto(join);
      await answerUpToReview(respondent, { group, comment });
      const submittedAt = Date.now();
      await press(respondent, '제출하기');
      await expect.poll(count, { timeout: 15_000, interval: 20 }).toBe(String(SEEDED + i + 1));
      const ms = Date.now() - submittedAt;
      console.log(`respondent ${i + 1}: submission to the organiser's screen in ${ms} ms`);
      expect(ms).toBeLessThan(5_000);
      await respondent.getByRole('heading', { name: '감사합니다' }).waitFor();
    }
    await Promise.all(phones.map((c) => c.close()));
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await page.getByRole('button', { name: 'Comments', exact: true }).click();
    await expect.poll(() => page.locator('.org-comment-text').allTextContents()).toContain('데이터부터 확보해야 합니다');
  });

  it('withhold every segment with fewer than 5 responses', async () => {
    await page.goto(`${server.url}${results('&group=culture')}`);
    await expect.poll(count).toBe('fewer than 5');
    expect(await page.locator('.org-withheld').first().textContent()).toContain('Fewer than 5 responses');
    expect(await page.locator('.org-figure').count()).toBe(0);

    await page.goto(`${server.url}${results('&view=groups')}`);
    await page.getByRole('checkbox', { name: 'Content and cultural industries (n = withheld)' }).check();
    const culture = page.locator('.org-question').nth(2).locator('.org-column').filter({ hasText: 'Content and cultural industries' });
    expect(await culture.locator('.org-withheld').count()).toBe(1);
    expect(await culture.locator('.org-figure').count()).toBe(0);
    expect(await page.locator('.org-question').nth(2).locator('.org-column .org-figure').count()).toBe(2);
    await expectAccessible(page, 'group comparison');

    await page.goto(`${server.url}${results('&view=trend')}`);
    await page.locator('.org-trend').first().waitFor();
    const trend = await page.locator('.org-question').first().getByRole('img').getAttribute('aria-label');
    expect(trend).toMatch(/^Mean: Day one 3\.3 \(95% CI [\d.]+–[\d.]+\), n = 16; Day two 3\.9 \(95% CI [\d.]+–[\d.]+\), n = 7$/);
    await expectAccessible(page, 'wave trend');
  });

  it('show a comment holding markup as text, run nothing, and hide it', async () => {
    await page.goto(`${server.url}${results('&view=comments')}`);
    const comment = page.locator('.org-comment').filter({ hasText: MARKUP });
    await comment.waitFor();
    expect(await comment.locator('.org-comment-text').textContent()).toBe(MARKUP);
    expect(await page.locator('.org-comments img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

    await comment.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => comment.locator('strong').textContent()).toBe('Hidden');
    const listed = (await (await organiserFetch(server.url, '/surveys/sovereign-ai/comments')).json()) as { comments: { text: string; hidden: boolean }[] };
    expect(listed.comments.find((c) => c.text === MARKUP)?.hidden).toBe(true);
  });

  it('export CSV (with a BOM, Korean intact) and NDJSON holding the submitted answers', async () => {
    await page.goto(`${server.url}${results()}`);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(SEEDED + 3);
    expect(lines[0]).toContain('p-general-service');
    expect(text).toContain('데이터부터 확보해야 합니다');
    expect(text).toContain(MARKUP);
    expect(lines.filter((l) => l.includes(',"day-2","conference","culture",'))).toHaveLength(1);

    const [ndjson] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download NDJSON' }).click()]);
    const rows = readFileSync((await ndjson.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { wave: string; channel: string; answers: Record<string, unknown> });
    expect(rows).toHaveLength(SEEDED + 2);
    expect(rows.filter((r) => r.wave === 'day-2' && r.channel === 'conference').map((r) => r.answers.group).sort()).toEqual(['culture', 'defense']);
  });

  it('project the join QR code with the wave’s join code, the live count and one question at a time', async () => {
    await page.goto(`${server.url}/organiser/projector?survey=sovereign-ai&wave=day-1`);
    await expect.poll(() => page.locator('[data-testid=projector-count]').textContent()).toBe('16');
    const code = await page.getByTestId('join-code').textContent();
    const link = `${server.url}/j/${code}`;
    expect(await decodeQr(page.locator('.org-proj-qr'))).toBe(link);
    expect(await page.locator('.org-proj-link .org-url').textContent()).toBe(link.replace('http://', ''));
    // The test server's PUBLIC_URL is localhost: the organiser is told phones cannot open it.
    expect(await page.getByTestId('loopback-warning').isVisible()).toBe(true);
    await expectAccessible(page, 'projector');

    expect(await page.locator('.org-question h2').textContent()).toContain('Which stakeholder group');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.org-question h2').textContent()).toContain('Korea should build a nationwide general AI service');
    await page.getByRole('button', { name: 'Overview' }).click();
    expect(await page.locator('.org-question').count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('org-projector') ?? false)).toBe(true);
    expect(await page.getByRole('button', { name: 'Exit full screen' }).isVisible()).toBe(false);
    await page.evaluate(() => document.exitFullscreen());
    await page.getByRole('button', { name: 'Full screen' }).waitFor();
  });

  it('open offline from the cached chunks and show the last results with their age', async () => {
    await page.goto(`${server.url}${results()}`);
    await waitForServiceWorker(page);
    await page.reload(); // now the service worker serves, and caches, the organiser chunk
    await expect.poll(count).toBe(String(SEEDED + 2));
    await organiser.setOffline(true);
    await page.reload();
    await expect.poll(count).toBe(String(SEEDED + 2));
    await expect.poll(() => page.locator('.org-live').getAttribute('data-state')).toMatch(/offline|reconnecting/);
    expect(await page.locator('.org-live').textContent()).toMatch(/Updated (just now|\d+ min ago)/);
    expect(await page.locator('.org-question').count()).toBeGreaterThan(10);
    await organiser.setOffline(false);
    await page.locator('.org-live[data-state=live]').waitFor({ timeout: 20_000 });
  });

  it('reconnect the live view by themselves after the server goes away and comes back', async () => {
    await page.locator('.org-live[data-state=live]').waitFor();
    await server.stop();
    await expect.poll(() => page.locator('.org-live').getAttribute('data-state')).toBe('reconnecting');
    const down = Date.now();
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await page.locator('.org-live[data-state=live]').waitFor({ timeout: 20_000 });
    console.log(`live view back ${Date.now() - down} ms after the server went down`);
    await postResponses(server.url, [makeResponse({ group: 'defense', wave: 'day-2' })]);
    await expect.poll(count, { timeout: 5_000 }).toBe(String(SEEDED + 3));
  });
});
