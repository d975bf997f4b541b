import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionNumbers } from '../../src/core/numbering';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { expectAccessible, launch } from './browser';
import { decodeQr, eventually, makeResponse, organiserFetch, postResponses, screenshot, signIn } from './organiser/helpers';
import { TEST_TOKEN, startServer, type TestServer } from './server';

const HOUR = 3_600_000;
const NUMBERS = questionNumbers(sovereignAiSurvey);

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let page: Page;
let started: number;
let codes: Record<string, string>;

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * Three waves around now: day one (closed an hour before day two began), day two
 * (running), day three (tomorrow). Day two's five answers to each position are
 * 5, 5, 5, 5, 4: a mean of 4.8 whose t interval runs past 5. Day one holds 22 comments
 * across two groups, day two 3 more: 25 in all, two pages of 20.
 */
async function seed(): Promise<void> {
  started = Date.now();
  const waves = [
    { slug: 'day-1', label: { ko: '첫째 날', en: 'Day one' }, startsAt: new Date(started - 24 * HOUR).toISOString() },
    { slug: 'day-2', label: { ko: '둘째 날', en: 'Day two' }, startsAt: new Date(started - HOUR).toISOString() },
    { slug: 'day-3', label: { ko: '셋째 날', en: 'Day three' }, startsAt: new Date(started + 24 * HOUR).toISOString() },
  ];
  codes = {};
  for (const wave of waves) {
    const res = await organiserFetch(server.url, '/surveys/sovereign-ai/waves', json({ ...wave, oneResponsePerDevice: false }));
    codes[wave.slug] = ((await res.json()) as { code: string }).code;
  }
  await postResponses(server.url, [
    ...Array.from({ length: 22 }, (_, i) => makeResponse({ group: i % 2 ? 'culture' : 'defense', wave: 'day-1', likert: 2, comment: `Day one comment ${i + 1}` })),
    ...[5, 5, 5, 5, 4].map((likert, i) => makeResponse({ group: 'defense', wave: 'day-2', likert, comment: i < 3 ? `Day two comment ${i + 1}` : undefined })),
  ]);
  const closed = await organiserFetch(server.url, '/surveys/sovereign-ai/waves/day-1/close', json({ at: new Date(started - 2 * HOUR).toISOString() }));
  expect(closed.status).toBe(200);
}

/** The smallest computed font size of any visible text under `selector`, with the element that has it. */
function smallestText(selector: string): Promise<{ size: number; where: string }> {
  return page.evaluate((sel) => {
    let smallest = { size: Infinity, where: '' };
    for (const root of document.querySelectorAll(sel)) {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!text || el.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < smallest.size) smallest = { size, where: `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent!.trim().slice(0, 40)}` };
      }
    }
    return smallest;
  }, selector);
}

const fontSize = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Every piece of the link under the QR code sits on one line: a wrap, if any, falls between pieces. */
const unbrokenPieces = () => page.locator('.org-proj-link .org-url-part').evaluateAll((parts) => parts.map((p) => [p.textContent, p.getClientRects().length] as const));

beforeAll(async () => {
  // On every interface and without PUBLIC_URL, as at a venue: join links must use the LAN address.
  [browser, server] = await Promise.all([launch(), startServer({ env: { HOST: '0.0.0.0', PUBLIC_URL: '' } })]);
  await seed();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the live room', () => {
  it('projects the running wave: a QR code carrying the LAN address and the join code, in type for the back row at 1920 × 1080', async () => {
    const overview = (await (await organiserFetch(server.url, '/surveys/sovereign-ai/overview')).json()) as { publicUrl: string; publicUrlSource: string };
    expect(overview.publicUrlSource).toBe('lan');
    expect(new URL(overview.publicUrl).hostname).not.toMatch(/^(localhost|127\.)/);
    const joinUrl = `${overview.publicUrl}/j/${codes['day-2']}`;

    await signIn(page, server.url, undefined, '/organiser/projector?survey=sovereign-ai');
    await eventually(() => page.locator('[data-testid=projector-count]').textContent()).toBe('5');
    expect(await page.getByLabel('웨이브').inputValue()).toBe('day-2');
    expect(await decodeQr(page.locator('.org-proj-qr'))).toBe(joinUrl);
    expect(await page.getByTestId('join-code').textContent()).toBe(codes['day-2']);
    expect(await page.locator('.org-proj-link .org-url').textContent()).toBe(joinUrl.replace('http://', ''));
    expect(await page.getByTestId('join-address').textContent()).toContain(`${overview.publicUrl} (이 컴퓨터의 네트워크 주소)`);
    expect(await page.getByTestId('loopback-warning').count()).toBe(0);
    await expectAccessible(page, 'projector (ko)');

    await page.getByRole('button', { name: '전체 화면' }).click();
    await eventually(() => page.evaluate(() => document.fullscreenElement?.classList.contains('org-projector') ?? false)).toBe(true);
    expect(await page.locator('.org-proj-controls').isVisible()).toBe(false);
    for (const [from, to] of [[0, 'group'], [2, 'p-general-service']] as const) {
      for (let i = 0; i < from; i++) await page.keyboard.press('ArrowRight');
      await eventually(() => page.locator('.org-question h2').textContent()).toMatch(new RegExp(`^${NUMBERS.get(to)}\\. `));
      const smallest = await smallestText('.org-proj-strip, .org-proj-stage');
      expect(smallest.size, smallest.where).toBeGreaterThanOrEqual(28);
      expect(await fontSize('.org-question h2')).toBeGreaterThanOrEqual(40);
      expect(await fontSize('[data-testid=join-code]')).toBeGreaterThanOrEqual(64);
      const chart = await page.locator('.org-proj-stage .org-chart').boundingBox();
      expect(chart!.width).toBeGreaterThanOrEqual(0.9 * 1920);
      await screenshot(page, to === 'group' ? 'projector-fullscreen-choice-ko' : 'projector-fullscreen-likert-ko', false);
    }
    expect(await decodeQr(page.locator('.org-proj-qr'))).toBe(joinUrl);
    expect((await unbrokenPieces()).every(([, lines]) => lines === 1)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await eventually(() => page.locator('.org-proj-controls').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.getByTestId('join-address').textContent()).toContain("(this computer's network address)");
    expect(await page.locator('.org-proj-scan').textContent()).toBe('Scan to join');
    expect((await smallestText('.org-proj-strip, .org-proj-stage')).size).toBeGreaterThanOrEqual(28);
    await expectAccessible(page, 'projector (en)');
    await screenshot(page, 'projector-en', false);
  });

  it('numbers questions alike on the projector and the results page: every question in survey order, conditional ones included', async () => {
    const numbered = (p: Page) =>
      p.locator('.org-question h2').evaluateAll((headings) => headings.map((h) => [h.id.replace(/^r-/, ''), h.querySelector('.org-qnum')!.textContent] as const));
    await page.getByRole('button', { name: 'Overview' }).click();
    const projector = await numbered(page);
    expect(projector.length).toBeGreaterThan(10);
    for (const [id, text] of projector) expect(text).toBe(`${NUMBERS.get(id)}.`);
    await page.goto(`${server.url}/organiser/results?survey=sovereign-ai`);
    await page.locator('.org-question').first().waitFor();
    const results = await numbered(page);
    expect(results).toHaveLength(NUMBERS.size);
    for (const [id, text] of results) expect(text).toBe(`${NUMBERS.get(id)}.`);
  });

  it('never opens on a wave that has not started: with none running it shows every wave, and the long link wraps only between its pieces', async () => {
    const early = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'en-US' });
    // Half an hour before day two began: day one has closed, day two and three are still ahead.
    await early.clock.setFixedTime(started - 1.5 * HOUR);
    const view = await early.newPage();
    await signIn(view, server.url, undefined, '/organiser/projector?survey=sovereign-ai');
    await eventually(() => view.locator('[data-testid=projector-count]').textContent()).toBe('27');
    expect(await view.getByLabel('Wave').inputValue()).toBe('_all');
    const options = await view.getByLabel('Wave').locator('option').allTextContents();
    expect(options).toEqual(['All waves', 'Day one · Closed', 'Day two · Not started', 'Day three · Not started']);
    const link = (await decodeQr(view.locator('.org-proj-qr')))!;
    expect(link).toMatch(/^http:\/\/[\d.]+:\d+\/s\/sovereign-ai\?channel=conference$/);
    expect(await view.getByTestId('join-code').count()).toBe(0);
    const pieces = await view.locator('.org-proj-link .org-url-part').evaluateAll((parts) => parts.map((p) => p.getClientRects().length));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((lines) => lines === 1)).toBe(true);
    await early.close();
  });

  it('draws the Likert shares on their own axis and cuts the mean’s interval at the scale’s end, saying so', async () => {
    await page.goto(`${server.url}/organiser/results?survey=sovereign-ai&wave=day-2`);
    const card = page.locator('section.org-question').filter({ has: page.locator('#r-p-general-service') });
    await card.locator('.org-diverging').waitFor();
    expect(await card.locator('.org-axis-title').allTextContents()).toEqual([
      'Share of answers: disagree to the left, agree to the right (neutral split across the centre)',
      'Mean with its 95% interval, on the scale 1–5',
    ]);
    expect(await card.locator('.org-diverging + .org-ticks span').allTextContents()).toEqual(['100%', '50%', '0', '50%', '100%']);
    const caption = await card.locator('figcaption').textContent();
    expect(caption).toMatch(/Mean 4\.8 \(95% CI 4\.2–5\)/);
    expect(caption).toMatch(/Intervals are cut to the scale \(1–5\): one computed as 4\.2–5\.4 runs past it/);
    await expectAccessible(page, 'results with a cut interval');
    await screenshot(card, 'likert-clamped-en');
  });

  it('shows one empty state for a text question nobody answered, and a way to the comments for one that has answers', async () => {
    await page.goto(`${server.url}/organiser/results?survey=sovereign-ai`);
    await page.locator('#r-group-other').waitFor();
    const other = page.locator('section.org-question').filter({ has: page.locator('#r-group-other') });
    expect((await other.locator('p').allTextContents()).map((t) => t.trim())).toEqual(['No answers yet.']);
    const comment = page.locator('section.org-question').filter({ has: page.locator('#r-comment') });
    await eventually(() => comment.textContent()).toContain('Answered: 25');
    await comment.getByRole('link', { name: 'Read the answers to this question' }).click();
    await eventually(() => page.getByLabel('Question').inputValue()).toBe('comment');
    await eventually(() => page.locator('.org-comment').count()).toBe(20);
  });

  it('pages the comments 20 at a time and filters them by wave, group, question and hidden, naming each wave by its label', async () => {
    await page.goto(`${server.url}/organiser/results?survey=sovereign-ai&view=comments`);
    await eventually(() => page.locator('.org-comment').count()).toBe(20);
    expect(await page.getByRole('status').filter({ hasText: 'Comments 1–20' }).count()).toBe(1);
    expect(await page.locator('.org-comment .org-note').first().textContent()).toMatch(/Question \d+ · .+ · Day (one|two) · Web · /);
    expect(await page.locator('.org-comments').textContent()).not.toContain('day-1');
    await expectAccessible(page, 'comments');
    await screenshot(page, 'comments-en');
    await page.getByRole('button', { name: 'Next page' }).click();
    await eventually(() => page.locator('.org-comment').count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);

    await page.getByLabel('Stakeholder group').selectOption({ label: 'Content and cultural industries' });
    await eventually(() => page.locator('.org-comment').count()).toBe(11);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await page.getByLabel('Wave').selectOption('day-2');
    await eventually(() => page.getByTestId('comments-empty').textContent()).toBe('No comments.');
    await page.getByLabel('Stakeholder group').selectOption('');
    await eventually(() => page.locator('.org-comment').count()).toBe(3);
    await page.locator('.org-comment').filter({ hasText: 'Day two comment 2' }).getByRole('button', { name: 'Hide' }).click();
    await page.getByLabel('Hidden or shown').selectOption('hidden');
    await eventually(() => page.locator('.org-comment-text').allTextContents()).toEqual(['Day two comment 2']);
    await page.getByLabel('Hidden or shown').selectOption('visible');
    await eventually(() => page.locator('.org-comment').count()).toBe(2);

    await page.getByRole('button', { name: '한국어' }).click();
    await eventually(() => page.locator('.org-comment .org-note').first().textContent()).toContain('둘째 날');
    await expectAccessible(page, 'comments (ko)');
  });

  it('keeps the changed results screens accessible in Korean, dates and figures in Korean too', async () => {
    await page.goto(`${server.url}/organiser/results?survey=sovereign-ai&wave=day-2`);
    const card = page.locator('section.org-question').filter({ has: page.locator('#r-p-general-service') });
    await eventually(() => card.locator('figcaption').textContent()).toContain('신뢰구간은 척도 범위(1–5) 안으로 잘라 표시했습니다');
    await expectAccessible(page, 'results (ko)');
    await screenshot(card, 'likert-clamped-ko');
    for (const view of ['trend', 'groups']) {
      await page.goto(`${server.url}/organiser/results?survey=sovereign-ai&view=${view}`);
      await page.locator('.org-question .org-figure').first().waitFor();
      await expectAccessible(page, `results ${view} (ko)`);
    }
  });
});

describe('a server that only this machine can reach', () => {
  it('warns the organiser that phones cannot open the address its QR codes carry', async () => {
    const local = await startServer({ env: { HOST: '127.0.0.1', PUBLIC_URL: '' } });
    try {
      const view = await context.newPage();
      // One page load only: a second one while the service worker installs can be cut short.
      await view.goto(`${local.url}/organiser/projector?survey=sovereign-ai`);
      await view.getByRole('heading', { name: '주최자 로그인' }).waitFor();
      await expectAccessible(view, 'sign-in (ko)');
      await screenshot(view, 'signin-ko', false);
      // The owner token is under its disclosure, beside the username and password form.
      await view.getByText('주최자 토큰으로 로그인', { exact: true }).first().click();
      await view.getByLabel('주최자 토큰', { exact: true }).fill(TEST_TOKEN);
      await view.getByRole('button', { name: '주최자 토큰으로 로그인', exact: true }).click();
      await eventually(() => view.getByTestId('join-address').textContent()).toContain('이 컴퓨터에서만 열리는 주소');
      expect(await view.getByTestId('loopback-warning').textContent()).toContain('참석자의 휴대폰은 이 주소를 열 수 없습니다');
      expect(await decodeQr(view.locator('.org-proj-qr'))).toMatch(/^http:\/\/localhost:\d+\/s\/sovereign-ai\?channel=conference$/);
      await expectAccessible(view, 'projector with the loopback warning');
      await view.close();
    } finally {
      await local.stop();
    }
  });
});
