import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/core/ids';
import { expectAccessible, launch, phone, readStore, waitForServiceWorker } from './browser';
import { organiserFetch, postResponses, signIn } from './organiser/helpers';
import { allocate, likert, pick, press, rank, slide } from './respondent';
import { startServer, type TestServer } from './server';
import { WORDS, buildSurvey, question, studioResponse } from './studio/build';

let browser: Browser;
let server: TestServer;
let organiser: BrowserContext;
let page: Page;

const newId = () => uuidv7(Date.now(), (b) => new Uint8Array(randomBytes(b.length)));
const stored = async () => (await (await organiserFetch(server.url, '/surveys/studio-e2e/responses.ndjson')).text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; surveyVersion: number });
const preview = () => page.getByTestId('preview');
const saved = () => expect.poll(() => page.getByRole('status').filter({ hasText: /Saved|저장됨/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  organiser = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await organiser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the survey studio', () => {
  it('builds a survey of every question kind in both languages, with the preview following, and publishes it', async () => {
    await signIn(page, server.url, undefined, '/organiser/studio');
    await page.getByLabel('Survey ID').fill('studio-e2e');
    await expectAccessible(page, 'studio start');
    await press(page, 'Create the draft');
    await page.getByRole('heading', { name: 'Survey studio: studio-e2e' }).waitFor();
    await buildSurvey(page);

    await question(page, 2, 'q2').getByLabel('Question wording · English', { exact: true }).focus();
    await expect.poll(() => preview().textContent()).toContain(WORDS.likert[1]);
    await page.getByRole('complementary', { name: 'Preview' }).getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => preview().textContent()).toContain(WORDS.likert[0]);
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('No problems: ready to publish');
    expect(await page.getByTestId('missing-count').textContent()).toBe('Every text is in both languages');
    await saved();
    await expectAccessible(page, 'studio editor (English)');

    await press(page, 'Publish version 1');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This is the first version of this survey.').waitFor();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { name: 'Version 1 is published.' }).waitFor();
    const v1 = (await (await fetch(`${server.url}/api/v1/surveys/studio-e2e/versions/1`)).json()) as { sections: { questions: { kind: string }[] }[] };
    expect(v1.sections[0]!.questions.map((q) => q.kind)).toEqual(['choice', 'likert', 'spectrum', 'allocation', 'ranking', 'text']);
  });

  it('is answered on a phone offline, synced, and shown in the results', async () => {
    const context = await phone(browser);
    const respondent = await context.newPage();
    await respondent.goto(`${server.url}/s/studio-e2e`);
    await waitForServiceWorker(respondent);
    await context.setOffline(true);
    await press(respondent, '시작하기');
    await pick(respondent, 'q1', '산업계');
    await likert(respondent, 'q2', 4);
    await slide(respondent, 'q3', 2);
    await allocate(respondent, 'q4', [60, 40]);
    await rank(respondent, 'q5', ['제조', '국방']);
    await respondent.locator('#q-q6 textarea').fill('좋습니다');
    await press(respondent, '검토');
    await press(respondent, '제출하기');
    await respondent.getByRole('heading', { name: '감사합니다' }).waitFor();
    const [waiting] = (await readStore(respondent, 'outbox')) as { id: string }[];
    expect(await stored()).toEqual([]);
    await context.setOffline(false);
    await expect.poll(async () => (await stored()).map((r) => r.id), { timeout: 60_000, interval: 500 }).toEqual([waiting!.id]);
    await context.close();

    await postResponses(server.url, [3, 4, 5, 2].map((n) => studioResponse(1, newId(), n)));
    await page.goto(`${server.url}/organiser/results?survey=studio-e2e`);
    await expect.poll(() => page.getByTestId('response-count').textContent(), { timeout: 20_000 }).toBe('5');
    expect(await page.locator('main').textContent()).toContain(WORDS.likert[1]);
  });

  it('rewords one question as version 2: the change list names exactly it, and its trend starts a new line', async () => {
    await page.goto(`${server.url}/organiser/studio?survey=studio-e2e`);
    await page.getByText('This survey has no draft yet.').waitFor();
    await press(page, 'Create the draft');
    await page.getByRole('heading', { name: 'Survey studio: Studio survey' }).waitFor();
    const card = question(page, 2, 'q2');
    await card.getByLabel('Question wording · English', { exact: true }).fill(WORDS.likertV2[1]);
    await card.getByLabel('Question wording · Korean', { exact: true }).fill(WORDS.likertV2[0]);
    await saved();
    await press(page, 'Publish version 2');
    const changes = page.getByRole('dialog').getByTestId('change-list').getByRole('listitem');
    await expect.poll(() => changes.count()).toBe(1);
    expect(await changes.first().textContent()).toContain('Reworded (new trend line): q2');
    expect(await page.getByRole('dialog').textContent()).toContain('Reworded questions start a new trend line');
    await expectAccessible(page, 'publish dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { name: 'Version 2 is published.' }).waitFor();

    await postResponses(server.url, [5, 5, 4, 5, 4].map((n) => studioResponse(2, newId(), n)));
    await page.goto(`${server.url}/organiser/results?survey=studio-e2e&version=2&view=trend`);
    const likertCard = page.locator('.org-question').filter({ hasText: WORDS.likertV2[1] });
    const spectrumCard = page.locator('.org-question').filter({ hasText: WORDS.spectrum[1] });
    await expect.poll(() => likertCard.getByTestId('wording-note').textContent(), { timeout: 20_000 }).toContain('Reworded: a new line starts here (earlier wording: version 1');
    expect(await likertCard.locator('path.org-trend-line').count()).toBe(2);
    expect(await likertCard.locator('path.org-trend-earlier').count()).toBe(1);
    expect(await spectrumCard.getByTestId('wording-note').textContent()).toContain('Same wording since version 1: one line.');
    expect(await spectrumCard.locator('path.org-trend-line').count()).toBe(1);
    expect(await spectrumCard.locator('path.org-trend-earlier').count()).toBe(0);
  });

  it('has no accessibility violations on the editor in Korean', async () => {
    await page.goto(`${server.url}/organiser/studio?survey=studio-e2e`);
    await page.getByRole('banner').getByRole('button', { name: '한국어' }).click();
    await page.getByText('이 설문에는 아직 초안이 없습니다.', { exact: false }).waitFor();
    await expectAccessible(page, 'studio start (Korean)');
    await page.getByRole('button', { name: '초안 만들기' }).click();
    await page.getByRole('heading', { name: /설문 편집기/ }).waitFor();
    await page.getByRole('listitem', { name: '질문 1 q1', exact: true }).getByLabel('질문 문구 · 영어', { exact: true }).fill('');
    await expect.poll(() => page.getByTestId('missing-count').textContent()).toBe('번역이 없는 글 1개');
    expect(await page.locator('.st-flag').filter({ hasText: '번역 없음' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.st-problems').allTextContents()).not.toContain('the text is empty');
    await expectAccessible(page, 'studio editor (Korean)');
  });
});
