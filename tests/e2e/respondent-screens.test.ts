import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, phone, waitForServiceWorker } from './browser';
import { POSITIONS, likert, pick, press, rank, slide } from './respondent';
import { startServer, type TestServer } from './server';

// Its own server: these tests submit responses, which would change the figures other files read.
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** From the notice to the direction section (spectrum, allocation, ranking, path), in Korean. */
async function toDirection(page: Page): Promise<void> {
  await press(page, '시작하기');
  await pick(page, 'group', '제조업');
  await press(page, '다음');
  for (const [i, id] of POSITIONS.entries()) await likert(page, id, (i % 5) + 1);
  await press(page, '다음');
  await page.locator('#q-allocation').waitFor();
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('the question screens on a 360 px phone', () => {
  it('marks the optional instead of the required and numbers questions stably', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await press(page, '시작하기');
    await expect.poll(() => text(page, '.required-note')).toContain('‘선택’ 표시가 없는 질문에는 모두 답해 주세요');
    expect(await page.getByText('필수', { exact: true }).count()).toBe(0);
    expect(await text(page, '#q-group .q-number')).toBe('1.');
    expect(await text(page, '#q-role .q-number')).toBe('2.');
    expect(await page.locator('#q-role .badge').innerText()).toBe('선택');
    await pick(page, 'group', '기타');
    // The question that appears takes a letter; the one after it keeps its number.
    await expect.poll(() => text(page, '#q-group-other .q-number')).toBe('1a.');
    expect(await text(page, '#q-role .q-number')).toBe('2.');
    await expectAccessible(page, 'profile with a conditional question');
    await pick(page, 'group', '제조업');
    await press(page, '다음');
    for (const [i, id] of POSITIONS.entries()) await likert(page, id, (i % 5) + 1);
    await press(page, '다음');
    await slide(page, 'spectrum', 1);
    await page.locator('#q-allocation .alloc-row input').first().fill('100');
    await rank(page, 'ranking', ['제조업', '국방·안보', '교육']);
    await pick(page, 'path', '둘을 함께');
    await press(page, '다음');
    // The comment's own "(선택)" is not said twice: once, as the badge.
    const prompt = await text(page, '#q-comment .prompt');
    expect(prompt.match(/선택/g)).toHaveLength(1);
    expect(await page.locator('#q-comment .badge').innerText()).toBe('선택');
    await context.close();
  });

  it('shows an untouched spectrum as unanswered, with its ends on their own lines', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await toDirection(page);
    const spectrum = page.locator('#q-spectrum .spectrum');
    expect(await spectrum.getAttribute('class')).toContain('unset');
    expect(await page.locator('#q-spectrum output').innerText()).toContain('아직 고르지 않음');
    // Each end label wraps inside its own half: neither runs under the other.
    const [low, high] = await page.locator('#q-spectrum .scale-ends span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect()));
    expect(low!.right).toBeLessThanOrEqual(high!.left);
    await expectAccessible(page, 'direction section, untouched');
    await slide(page, 'spectrum', 2);
    expect(await page.locator('#q-spectrum output').innerText()).toBe('7');
    expect(await spectrum.getAttribute('class')).not.toContain('unset');
    await context.close();
  });

  it('counts an allocation as it is typed, digit by digit, and never goes below zero without saying so', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await toDirection(page);
    const boxes = page.locator('#q-allocation .alloc-row input');
    const sum = page.locator('#q-allocation .alloc-sum');
    await expect.poll(() => sum.innerText()).toContain('나눈 금액 0조 원 / 100조 원');
    await boxes.nth(0).tap();
    await page.keyboard.type('6');
    await expect.poll(() => sum.innerText()).toContain('남은 금액 94조 원');
    await page.keyboard.type('0');
    // Live, before any blur; the 0 that was there is replaced, never "060".
    expect(await boxes.nth(0).inputValue()).toBe('60');
    await expect.poll(() => sum.innerText()).toContain('남은 금액 40조 원');
    await boxes.nth(1).tap();
    for (const digit of '50') await page.keyboard.type(digit);
    await expect.poll(() => sum.innerText()).toContain('10조 원 초과: 합계가 100조 원이 되도록 줄여 주세요.');
    expect(await sum.innerText()).not.toMatch(/-\d/);
    expect(await sum.getAttribute('class')).toContain('over');
    await expectAccessible(page, 'allocation over the total');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    for (const digit of '40') await page.keyboard.type(digit);
    await expect.poll(() => sum.innerText()).toContain('나눈 금액 100조 원 / 100조 원');

    // With the focus still in an amount, the first tap on a ranking option counts.
    await boxes.nth(2).tap();
    const first = page.locator('#q-ranking').getByRole('button', { name: '제조업' });
    await first.tap();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
