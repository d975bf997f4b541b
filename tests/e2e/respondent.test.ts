import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, phone, readStore, waitForServiceWorker } from './browser';
import { POSITIONS, allocate, likert, pick, press, rank, slide } from './respondent';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a conference attendee on a phone', () => {
  it('answers the whole survey in Korean offline, across a reload, and the response waits in the outbox', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?wave=day-1&channel=conference`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('설문에 참여하기');
    await expectAccessible(page, 'home');
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: '설문 시작' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '시작하기 전에' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await expectAccessible(page, 'notice');
    await press(page, '시작하기');

    await press(page, '다음');
    expect(await page.locator('#q-group .error').textContent()).toBe('응답해 주세요.');
    await pick(page, 'group', '국방·안보 산업');
    await pick(page, 'role', '개발·연구');
    await expectAccessible(page, 'profile section');
    await press(page, '다음');

    await likert(page, POSITIONS[0]!, 2);
    await likert(page, POSITIONS[1]!, 4);
    await page.waitForTimeout(500);
    await page.reload();
    await expect.poll(() => page.locator('h1.section-title').textContent()).toBe('여덟 가지 입장');
    expect(await page.locator(`#q-${POSITIONS[0]} input[value="2"]`).isChecked()).toBe(true);
    expect(await page.locator(`#q-${POSITIONS[1]} input[value="4"]`).isChecked()).toBe(true);
    for (const [i, id] of POSITIONS.slice(2).entries()) await likert(page, id, (i % 5) + 1);
    await expectAccessible(page, 'positions section');
    await press(page, '다음');

    await slide(page, 'spectrum', 2);
    expect(await page.locator('#q-spectrum output').textContent()).toBe('7');
    await allocate(page, 'allocation', [10, 20, 30, 10, 10, 10, 5]);
    await press(page, '다음');
    expect(await page.locator('#q-allocation .error').textContent()).toBe('합계가 정확히 맞아야 합니다.');
    await allocate(page, 'allocation', [10, 20, 30, 10, 10, 10, 10]);
    await rank(page, 'ranking', ['국방·안보', '제조업', '의료']);
    await pick(page, 'path', '둘을 함께');
    await expectAccessible(page, 'direction section');
    await press(page, '다음');

    await page.locator('#q-comment textarea').fill('  <b>국방</b> 먼저  ');
    await press(page, '검토');
    await expectAccessible(page, 'review');
    expect(await page.locator('.review').textContent()).toContain('1. 국방·안보  2. 제조업  3. 의료');
    await press(page, '제출하기');
    await expect.poll(() => page.getByRole('heading', { name: '감사합니다' }).count()).toBe(1);
    await expectAccessible(page, 'thank you');

    const outbox = (await readStore(page, 'outbox')) as { wave: string; channel: string; locale: string; answers: Record<string, unknown> }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ wave: 'day-1', channel: 'conference', locale: 'ko' });
    expect(outbox[0]!.answers).toMatchObject({
      group: 'defense',
      role: 'technical',
      [POSITIONS[0]!]: 2,
      spectrum: 7,
      ranking: ['defense', 'manufacturing', 'health'],
      path: 'both',
      comment: '<b>국방</b> 먼저',
    });
    expect(await readStore(page, 'drafts')).toEqual([]);
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/s/sovereign-ai`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Before you start' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Start' }).count()).toBe(1);
    await expectAccessible(page, 'English notice');
    await context.close();
  });

  it('starts in English for an English browser', async () => {
    const context = await phone(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Take part in a survey');
    await context.close();
  });
});
