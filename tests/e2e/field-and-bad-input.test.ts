import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { expectAccessible, heldResponses, launch, phone, readStore, writeStore } from './browser';
import { answerAll, likert, pick, press } from './respondent';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a field researcher on one device', () => {
  it('enters a collector name once and goes from respondent to respondent', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/field`);
    // No field mode without a collector name.
    await press(page, '현장 조사 모드 켜기');
    await expect.poll(() => page.locator('#collector-error').innerText()).toBe('현장 조사 모드를 켜려면 조사원 이름을 입력하세요.');
    expect(await page.getByLabel('조사원 이름').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'field page, no collector name');
    await page.getByLabel('조사원 이름').fill('김조사');
    await press(page, '현장 조사 모드 켜기');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '현장 조사 모드가 켜져 있습니다' }).count()).toBe(1);
    await expect.poll(() => page.locator('.warning').count()).toBe(1);
    // The sync card's heading is not its button's label; storage reads in sensible units; no Safari advice in Chromium.
    expect(await page.getByRole('heading', { name: '서버로 전송' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: '지금 전송' }).count()).toBe(0);
    await expect.poll(() => page.locator('section:has(#storage-title)').innerText()).toMatch(/\d+(\.\d)? (B|KB|MB|GB|TB) 중 \d+(\.\d)? (B|KB|MB|GB) 사용/);
    expect(await page.locator('main').innerText()).not.toContain('Safari');
    await expectAccessible(page, 'field page');

    await page.getByRole('link', { name: /설문 시작/ }).click();
    await expect.poll(() => page.locator('.field-bar').innerText()).toContain('조사원 김조사');
    expect(await page.locator('.field-bar').innerText()).toContain('전송 대기');
    await answerAll(page, { fieldMode: true });
    await expect.poll(() => page.locator('.saved-toast').count()).toBe(1);
    // The next respondent's notice opens at its top, not where the last submit button was.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '시작하기' }).count()).toBe(1);
    await answerAll(page, { group: '국방·안보 산업', fieldMode: true });
    await expect.poll(async () => (await heldResponses(page)).length).toBe(2);

    const held = await heldResponses(page);
    expect(held.map((r) => [r.channel, r.collector])).toEqual([['field', '김조사'], ['field', '김조사']]);
    await page.goto(`${baseUrl}/field`);
    await expect.poll(() => page.locator('table').textContent()).toContain('김조사');
    await context.close();
  });
});

describe('bad input on the device', () => {
  it('names what is wrong with a stored survey definition instead of showing a blank screen', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.locator('h1').first().waitFor();
    await writeStore(page, 'surveys', [{ ...sovereignAiSurvey, id: 'broken', version: 1, title: { ko: '깨진 설문' } }]);
    await page.goto(`${baseUrl}/s/broken`);
    await expect.poll(() => page.locator('.error-page').textContent()).toContain('title.en');
    await expectAccessible(page, 'error page');
    await context.close();
  });

  it('offers to continue a draft from an older version, keeping the answers that still fit', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/s/sovereign-ai`);
    await press(page, '시작하기');
    await pick(page, 'group', '제조업');
    await pick(page, 'role', '정책·기획');
    await press(page, '다음');
    await likert(page, 'p-defense', 5);
    await page.waitForTimeout(600);

    const profile = sovereignAiSurvey.sections[0]!;
    const newer = {
      ...sovereignAiSurvey,
      version: sovereignAiSurvey.version + 1,
      sections: [{ ...profile, questions: profile.questions.filter((q) => q.id !== 'role') }, ...sovereignAiSurvey.sections.slice(1)],
    };
    await writeStore(page, 'surveys', [newer]);
    await page.reload();
    await expect.poll(() => page.getByRole('alertdialog').count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'older draft');
    await press(page, '이어서 하기');
    expect(await page.locator('#q-group input[value="manufacturing"]').isChecked()).toBe(true);
    expect(await page.locator('#q-role').count()).toBe(0);
    await press(page, '다음');
    expect(await page.locator('#q-p-defense input[value="5"]').isChecked()).toBe(true);
    const drafts = () => readStore(page, 'drafts') as Promise<{ surveyVersion: number; step: number; answers: Record<string, unknown> }[]>;
    await expect.poll(async () => (await drafts())[0]?.surveyVersion).toBe(newer.version);
    const [draft] = await drafts();
    expect(draft!.step).toBe(2);
    expect(draft!.answers).not.toHaveProperty('role');
    await context.close();
  });
});
