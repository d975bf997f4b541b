import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, lineCount, phone, readStore, waitForServiceWorker, writeStore } from './browser';
import { makeResponse, postResponses } from './data';
import { answerUpToReview, press } from './respondent';
import { startServer, type TestServer } from './server';

// Its own server: these tests submit responses, which would change the figures other files read.
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  // Five others first, so the thank-you screen has figures to show (fewer are withheld).
  await postResponses(server.url, [1, 2, 3, 4, 5].map(() => makeResponse()));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('after the questions', () => {
  it('reads answers as words on review, says when the response has reached the server, and remembers it on a return', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await answerUpToReview(page);
    const review = page.locator('.review');
    // Likert points are words, not "4 / 5"; the spectrum names both of its poles.
    await expect.poll(() => review.innerText()).toContain('1 — 전혀 동의하지 않음');
    expect(await review.innerText()).toContain('3 — 가운데');
    expect(await review.innerText()).toContain('4 — ‘매우 동의함’ 쪽');
    expect(await review.innerText()).toContain('(0 모두를 위한 범용 서비스 ↔ 10 전략 분야에 집중)');
    expect(await review.innerText()).toContain('국민 범용 AI 서비스 40조 원, 자체 모델 개발 기업 10조 원');
    expect(await review.innerText()).not.toMatch(/\d \/ 5/);
    await expectAccessible(page, 'review');
    await press(page, '제출하기');

    const thanks = page.locator('.thanks');
    await expect.poll(() => thanks.getByRole('status').innerText(), { timeout: 20_000 }).toBe('응답이 서버에 전송되었습니다.');
    const [sent] = (await readStore(page, 'sent')) as { response: { id: string } }[];
    expect(await thanks.locator('.response-id code').innerText()).toBe(sent!.response.id);
    const results = page.locator('.results').first();
    await expect.poll(() => results.innerText(), { timeout: 20_000 }).toContain('95% 신뢰구간');
    expect(await results.innerText()).not.toMatch(/\bCI\b/);
    expect(await results.innerText()).toContain('막대는 각 항목을 1순위로 꼽은 응답자의 비율입니다.');
    const allocation = results.locator('.result', { hasText: '100조 원을 어떻게' });
    expect(await allocation.locator('.bar-value').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+(\.\d)?조 원$/)]));
    await expectAccessible(page, 'thank you');

    await page.goto(`${server.url}/s/sovereign-ai`);
    const already = page.locator('.already');
    await expect.poll(() => already.innerText()).toContain('이 기기에서 이미 응답했습니다');
    expect(await already.innerText()).toContain(sent!.response.id);
    expect(await page.getByRole('button', { name: '다시 응답하기' }).count()).toBe(1);
    await expectAccessible(page, 'notice after answering');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => already.innerText()).toContain('This device has already answered');
    await expectAccessible(page, 'notice after answering, English');
    await context.close();
  });
});

describe('the status bar', () => {
  it('stays on one line at 360 px, in the language chosen, with proper plurals', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await writeStore(page, 'outbox', [makeResponse()]);
    await page.reload();
    const bar = page.locator('.status-bar');
    await expect.poll(() => bar.innerText(), { timeout: 15_000 }).toBe('응답 1개 전송 대기 · 연결되면 보냅니다');
    expect(await lineCount(page, '.status-bar')).toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => bar.innerText()).toBe('1 response waiting · sends when online');
    expect(await lineCount(page, '.status-bar')).toBe(1);

    await writeStore(page, 'outbox', [makeResponse()]);
    await page.reload();
    await expect.poll(() => bar.innerText(), { timeout: 15_000 }).toBe('2 responses waiting · sends when online');
    expect(await lineCount(page, '.status-bar')).toBe(1);
    await expectAccessible(page, 'status bar, English');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => bar.innerText()).toBe('응답 2개 전송 대기 · 연결되면 보냅니다');
    expect(await lineCount(page, '.status-bar')).toBe(1);
    await context.close();
  });
});
