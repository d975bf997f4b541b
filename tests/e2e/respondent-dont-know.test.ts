import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survey } from '../../src/core/survey';
import { sovereignAiSurveyV2 } from '../../src/core/surveys';
import { expectAccessible, launch, phone, readStore, writeStore } from './browser';
import { eventually, makeResponse, organiserFetch, postResponses } from './organiser/helpers';
import { POSITIONS, allocate, likert, pick, press, rank, slide } from './respondent';
import { startServer, type TestServer } from './server';

// Its own server: the responses here would change the figures other files read.
let server: TestServer;
let browser: Browser;

/** A survey like version 2 whose spectrum also offers "don't know", so both kinds are tried in a browser. */
const spectrumDk: Survey = {
  ...sovereignAiSurveyV2,
  id: 'dk-check',
  version: 1,
  sections: sovereignAiSurveyV2.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.kind === 'spectrum' ? { ...q, dontKnow: true } : q)) })),
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  const stored = await organiserFetch(server.url, '/surveys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spectrumDk) });
  expect(stored.status).toBeLessThan(300);
  // Five earlier responses each, two of them "don't know" on p-culture and on the spectrum.
  const earlier = (i: number) => makeResponse({ group: 'manufacturing', likert: 2 + (i % 3) });
  await postResponses(server.url, [0, 1, 2, 3, 4].map((i) => ({ ...earlier(i), answers: { ...(earlier(i).answers as object), ...(i < 2 ? { 'p-culture': 'dk' } : {}) } })));
  await postResponses(
    server.url,
    [0, 1, 2, 3, 4].map((i) => {
      const r = earlier(i);
      return { ...r, surveyId: 'dk-check', surveyVersion: 1, answers: { ...(r.answers as object), ...(i < 2 ? { spectrum: 'dk' } : {}) } };
    }),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page fits a 360 px phone: nothing scrolls sideways. */
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 360);

/** The height and width of an element's box, to check its touch target. */
async function box(page: Page, selector: string) {
  const b = (await page.locator(selector).boundingBox())!;
  return { width: b.width, height: b.height };
}

describe('"don’t know" on a phone', () => {
  it('in Korean: a separate answer on version 2’s likert positions, by touch and by arrow key, shown on review and thank-you', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await press(page, '시작하기');
    await pick(page, 'group', '제조업');
    await press(page, '다음');
    const defense = page.locator('#q-p-defense');
    // Version 2 states the defense position plainly.
    expect(await defense.locator('.prompt').innerText()).not.toContain('받아들이기 어려운');
    await defense.getByRole('radio', { name: '잘 모르겠음', exact: true }).check();
    const target = await box(page, '#q-p-defense .dont-know span');
    expect(target.height).toBeGreaterThanOrEqual(44);
    for (const id of POSITIONS.filter((p) => p !== 'p-defense' && p !== 'p-culture')) await likert(page, id, 3);
    // From the last point, the arrow key moves on to "don't know", as within any radio group.
    await likert(page, 'p-culture', 5);
    await page.locator('#q-p-culture input[value="5"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#q-p-culture').getByRole('radio', { name: '잘 모르겠음' }).isChecked()).toBe(true);
    expect(await fitsPhone(page)).toBe(true);
    await expectAccessible(page, 'Korean positions with "don’t know"');
    await press(page, '다음');
    await slide(page, 'spectrum', 2);
    await allocate(page, 'allocation', [40, 10, 10, 10, 10, 10, 10]);
    await rank(page, 'ranking', ['제조업', '국방·안보', '교육']);
    await pick(page, 'path', '둘을 함께');
    await press(page, '다음');
    await press(page, '검토');
    const review = page.locator('.review');
    await eventually(() => review.innerText()).toContain('잘 모르겠음');
    const defenseAnswer = review.locator('dt', { hasText: /국방/ }).locator('xpath=following-sibling::dd[1]');
    expect(await defenseAnswer.innerText()).toBe('잘 모르겠음');
    await expectAccessible(page, 'Korean review with "don’t know"');
    await press(page, '제출하기');
    const thanks = page.locator('.thanks');
    await eventually(() => thanks.getByRole('status').innerText()).toBe('응답이 서버에 전송되었습니다.');
    // The share beside the mean is the server's: at least the two earlier and this one said "don't know".
    const culture = page.locator('.results .result').filter({ has: page.locator('h3', { hasText: '콘텐츠·문화 산업 분야의' }) });
    const figures = async () => ((await (await fetch(`${server.url}/api/v1/surveys/sovereign-ai/results`)).json()) as { overall: { questions: Record<string, { dk: number; dkShare: number }> } }).overall.questions['p-culture']!;
    await eventually(async () => (await figures()).dk).toBeGreaterThanOrEqual(3);
    const { dk: count, dkShare } = await figures();
    await eventually(() => culture.innerText()).toContain(`잘 모르겠음 ${Math.round(dkShare * 100)}% (${count})`);
    expect(await culture.innerText()).toContain('내 응답: 잘 모르겠음');
    expect(await fitsPhone(page)).toBe(true);
    await expectAccessible(page, 'Korean thank-you with "don’t know"');
    await context.close();
  });

  it('in English: the spectrum’s "don’t know" checkbox, which a slider move replaces, shown on review and thank-you', async () => {
    const context = await phone(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/s/dk-check`);
    await press(page, 'Start');
    await pick(page, 'group', 'Manufacturing');
    await press(page, 'Next');
    for (const id of POSITIONS) await likert(page, id, 4);
    await page.locator('#q-p-data-first').getByRole('radio', { name: "Don't know", exact: true }).check();
    await press(page, 'Next');
    const spectrum = page.locator('#q-spectrum');
    const unsure = spectrum.getByRole('checkbox', { name: "Don't know" });
    await unsure.check();
    expect(await spectrum.locator('output').innerText()).toBe("Don't know");
    expect(await spectrum.locator('input[type=range]').getAttribute('aria-valuetext')).toContain('“Don’t know” chosen');
    expect((await box(page, '#q-spectrum .dont-know span')).height).toBeGreaterThanOrEqual(44);
    // Moving the slider answers a point instead; the checkbox answers "don't know" again.
    await slide(page, 'spectrum', 1);
    expect(await unsure.isChecked()).toBe(false);
    expect(await spectrum.locator('output').innerText()).toBe('6');
    await unsure.check();
    // Tabbing back onto the slider only passes through it: "don't know" stays.
    await unsure.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('range');
    expect(await unsure.isChecked()).toBe(true);
    expect(await fitsPhone(page)).toBe(true);
    await expectAccessible(page, 'English spectrum with "don’t know"');
    await allocate(page, 'allocation', [40, 10, 10, 10, 10, 10, 10]);
    await rank(page, 'ranking', ['Manufacturing', 'Defense and security', 'Education']);
    await pick(page, 'path', 'A mix of both');
    await press(page, 'Next');
    await press(page, 'Review');
    const review = page.locator('.review');
    const answerTo = (prompt: RegExp) => review.locator('dt', { hasText: prompt }).locator('xpath=following-sibling::dd[1]');
    await eventually(() => answerTo(/effort point/).innerText()).toBe("Don't know");
    await expectAccessible(page, 'English review with "don’t know"');
    await press(page, 'Submit');
    await eventually(() => page.locator('.thanks').getByRole('status').innerText()).toBe('Your response has reached the server.');
    // Six answered the spectrum, three of them "don't know": two earlier and this one.
    const spectrumResult = page.locator('.results .result').filter({ has: page.locator('h3', { hasText: /effort point/ }) });
    await eventually(() => spectrumResult.innerText()).toContain("Don't know 50% (3)");
    expect(await spectrumResult.innerText()).toContain("Your answer: Don't know");
    expect(await page.locator('main').innerText()).not.toMatch(/[가-힣]/);
    expect(await fitsPhone(page)).toBe(true);
    await expectAccessible(page, 'English thank-you with "don’t know"');
    await context.close();
  });

  it('carries a version-1 draft onto version 2 without its answer to the old, leading defense wording', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('h1').first().waitFor();
    const now = new Date().toISOString();
    await writeStore(page, 'drafts', [
      {
        surveyId: 'sovereign-ai', surveyVersion: 1, responseId: '0190a0b0-0000-7000-8000-0000000000d1', startedAt: now, updatedAt: now, step: 2,
        answers: { group: 'manufacturing', 'p-defense': 5, 'p-culture': 2 }, wave: 'open', channel: 'web', locale: 'ko',
      },
    ]);
    await page.goto(`${server.url}/s/sovereign-ai`);
    await eventually(() => page.getByRole('alertdialog').count()).toBe(1);
    expect(await page.getByRole('alertdialog').innerText()).toContain('문구가 같은 질문의 응답만');
    await expectAccessible(page, 'older draft');
    await press(page, '이어서 하기');
    await press(page, '다음');
    await eventually(() => page.locator('#q-p-culture input[value="2"]').isChecked()).toBe(true);
    expect(await page.locator('#q-p-defense input:checked').count()).toBe(0);
    const drafts = () => readStore(page, 'drafts') as Promise<{ surveyVersion: number; answers: Record<string, unknown> }[]>;
    await eventually(async () => (await drafts())[0]?.surveyVersion).toBe(2);
    expect((await drafts())[0]!.answers).not.toHaveProperty('p-defense');
    await context.close();
  });
});
