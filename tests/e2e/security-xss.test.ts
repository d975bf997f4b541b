import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, phone } from './browser';
import { makeResponse } from './data';
import { ownerSessionCookie } from './organiser/helpers';
import { likert, pick, press } from './respondent';
import { TEST_TOKEN, startServer, type TestServer } from './server';

// Each payload would set window.__pwned if it ever became markup or script.
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '"><svg onload="window.__pwned=1">';
const text = (s: string) => ({ ko: s, en: s });
const TITLE = `설문 ${IMG}`;

const survey = {
  id: 'xss-probe',
  version: 1,
  title: text(TITLE),
  description: text(`설명 ${SCRIPT}`),
  notice: text(`안내 ${SVG}`),
  resultsPublic: true,
  segmentBy: 'group',
  context: [{ id: 'card', title: text(`카드 ${IMG}`), body: text(`본문 ${SCRIPT}`), source: text(`출처 ${SVG}`) }],
  sections: [
    {
      id: 'only',
      title: text(`섹션 ${SCRIPT}`),
      questions: [
        { id: 'group', kind: 'choice', multiple: false, required: true, prompt: text(`집단 ${IMG}`), options: [{ id: 'a', label: text(`가 ${SVG}`) }, { id: 'b', label: text(`나 ${IMG}`) }] },
        { id: 'agree', kind: 'likert', points: 5, required: true, prompt: text(`동의 ${SCRIPT}`), labels: { low: text(`낮음 ${IMG}`), high: text(`높음 ${SVG}`) } },
        { id: 'comment', kind: 'text', required: false, maxLength: 500, prompt: text(`의견 ${IMG}`) },
      ],
    },
  ],
};

let browser: Browser;
let server: TestServer;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launch();
  server = await startServer();
  const auth = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };
  expect((await fetch(`${server.url}/api/v1/surveys`, { method: 'POST', headers: auth, body: JSON.stringify(survey) })).status).toBe(201);
  // Twelve in each group: the public sees a group's option and share only from 10 responses.
  const comments = [SCRIPT, IMG, SVG, `${SCRIPT} ${IMG}`, 'plain', SCRIPT];
  const responses = Array.from({ length: 24 }, (_, i) =>
    makeResponse({ surveyId: 'xss-probe', surveyVersion: survey.version, answers: { group: i % 2 ? 'a' : 'b', agree: (i % 5) + 1, comment: comments[i % comments.length]! } }),
  );
  const posted = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: auth, body: JSON.stringify({ responses }) });
  expect(((await posted.json()) as { results: { status: string }[] }).results.every((r) => r.status === 'stored')).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A phone that records anything that would betray injected markup: a dialog, a CSP refusal, a page error. */
async function watchedPhone(organiser: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(browser);
  if (organiser) await context.addCookies([await ownerSessionCookie(server.url)]);
  const page = await context.newPage();
  page.on('dialog', (d) => (problems.push(`dialog: ${d.message()}`), void d.dismiss()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|inline/i.test(m.text()) && problems.push(`console: ${m.text()}`));
  return { context, page };
}

/** The payload is on screen as characters, and nothing of it became an element or ran. */
async function expectInert(page: Page, shown: string, where: string): Promise<void> {
  await page.getByText(shown, { exact: false }).first().waitFor({ timeout: 20_000 });
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), where).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload]').count(), where).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length), where).toBe(0);
  expect(problems, where).toEqual([]);
}

describe('script in a survey or a comment is inert on every page that shows it', () => {
  it('respondent pages: notice (on a first visit by link), questions, review, thank-you, public results, home', async () => {
    const { context, page } = await watchedPhone(false);
    await page.goto(`${server.url}/s/xss-probe`);
    await expectInert(page, `안내 ${SVG}`, 'notice');
    await press(page, '시작하기');
    await expectInert(page, `동의 ${SCRIPT}`, 'questions');
    await pick(page, 'group', `가 ${SVG}`);
    await likert(page, 'agree', 4);
    await page.locator('#q-comment textarea').fill(`${SCRIPT}${IMG}`);
    await press(page, '검토');
    await expectInert(page, `${SCRIPT}${IMG}`, 'review');
    await press(page, '제출하기');
    await page.getByRole('heading', { name: '감사합니다' }).waitFor();
    await expectInert(page, `가 ${SVG}`, 'thank-you results');
    await page.goto(`${server.url}/r/xss-probe`);
    await expectInert(page, TITLE, 'public results');
    await page.goto(`${server.url}/`); // lists the surveys this device holds, the uploaded one now among them
    await expectInert(page, TITLE, 'home');
    await expectInert(page, `본문 ${SCRIPT}`, 'home: context card');
    await context.close();
  });

  it('organiser pages: survey list, results with comments, projector, manage, preview', async () => {
    const { context, page } = await watchedPhone(true);
    await page.goto(`${server.url}/organiser/surveys`);
    await expectInert(page, TITLE, 'organiser list');
    await page.goto(`${server.url}/organiser/results?survey=xss-probe`);
    await expectInert(page, TITLE, 'organiser results');
    await page.goto(`${server.url}/organiser/results?survey=xss-probe&view=comments`);
    await expectInert(page, SCRIPT, 'comments');
    await expectInert(page, `${SCRIPT} ${IMG}`, 'comments');
    for (const view of ['projector', 'manage', 'preview']) {
      await page.goto(`${server.url}/organiser/${view}?survey=xss-probe&version=1`);
      await expectInert(page, TITLE, view);
    }
    await expectInert(page, `낮음 ${IMG}`, 'preview');
    await context.close();
  });
});
