import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, phone, waitForServiceWorker } from './browser';
import { eventually, makeResponse, postResponses, signIn } from './organiser/helpers';
import { answerAll, press } from './respondent';
import { startServer, type TestServer } from './server';

let browser: Browser;
let server: TestServer;
const WAVE = 'field-day-1';

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('quotas on a wave', () => {
  it('are set per group in the wave form, checked in the UI language, and shown filling on the manage page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.getByRole('heading', { name: 'Surveys', exact: true }).waitFor();
    await page.goto(`${server.url}/organiser/manage?survey=sovereign-ai`);
    await page.getByLabel('Label in Korean').fill('현장 1일차');
    await page.getByLabel('Label in English').fill('Field day 1');
    await page.locator('#wave-slug').fill(WAVE);
    await page.locator('#wave-channel').selectOption('field');
    await page.locator('#wave-quota-manufacturing').fill('10');
    await page.locator('#wave-quota-defense').fill('4');
    await page.locator('#wave-quota-ai-industry').fill('2.5');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await eventually(() => page.locator('#wave-quota-ai-industry-error').innerText()).toBe('Enter a whole number from 1 to 1,000,000.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wave-quota-ai-industry');
    await expectAccessible(page, 'wave form with a bad quota');
    await page.locator('#wave-quota-ai-industry').fill('');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const quotas = page.locator(`tr[data-wave="${WAVE}"] [data-testid=wave-quotas]`);
    await eventually(() => quotas.innerText()).toContain('Manufacturing');
    expect(await quotas.locator('[data-group=manufacturing] [data-testid=quota-figure]').innerText()).toBe('0 of 10');
    expect(await quotas.locator('[data-group=defense] [data-testid=quota-figure]').innerText()).toBe('0 of 4');
    expect(await quotas.locator('[data-group=ai-industry]').count()).toBe(0);

    await postResponses(server.url, [
      ...Array.from({ length: 6 }, () => makeResponse({ group: 'manufacturing', wave: WAVE, channel: 'field' })),
      ...Array.from({ length: 5 }, () => makeResponse({ group: 'ai-industry', wave: WAVE, channel: 'field' })),
    ]);
    await page.reload();
    await eventually(() => quotas.locator('[data-group=manufacturing] [data-testid=quota-figure]').innerText()).toBe('6 of 10');
    expect(await quotas.locator('[data-group=manufacturing] progress').getAttribute('value')).toBe('6');
    await page.getByRole('button', { name: '한국어' }).click();
    await eventually(() => quotas.locator('[data-group=manufacturing] [data-testid=quota-figure]').innerText()).toBe('10명 중 6명');
    await expectAccessible(page, 'manage page with quotas filling');
    await context.close();
  });

  it('show in field mode offline: the last synced answer plus the device’s unsent responses', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/field`);
    await page.getByLabel('조사원 이름').fill('김조사');
    await press(page, '현장 조사 모드 켜기');
    await page.goto(`${server.url}/s/sovereign-ai?wave=${WAVE}&channel=field`);
    await answerAll(page, { group: '제조업', fieldMode: true });
    await page.goto(`${server.url}/field`);
    await eventually(() => page.locator('[data-count="sent"]').innerText()).toBe('1');
    const row = (group: string) => page.locator(`section:has(#quotas-title) li[data-group="${group}"]`);
    await eventually(() => row('manufacturing').locator('.quota-figure').innerText()).toBe('10명 중 7명');
    expect(await row('defense').locator('.quota-figure').innerText()).toBe('4명 중 0명');
    expect(await row('manufacturing').locator('.quota-parts').innerText()).toBe('서버 7 · 미전송 0');

    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(`${server.url}/s/sovereign-ai?wave=${WAVE}&channel=field`);
    await answerAll(page, { group: '제조업', fieldMode: true });
    await page.goto(`${server.url}/s/sovereign-ai?wave=${WAVE}&channel=field`);
    await answerAll(page, { group: '국방·안보 산업', fieldMode: true });
    await page.goto(`${server.url}/field`);
    await eventually(() => page.locator('[data-count="outbox"]').innerText()).toBe('2');
    await eventually(() => row('manufacturing').locator('.quota-figure').innerText()).toBe('10명 중 8명');
    expect(await row('manufacturing').locator('.quota-parts').innerText()).toBe('서버 7 · 미전송 1');
    expect(await row('defense').locator('.quota-figure').innerText()).toBe('4명 중 1명');
    expect(await page.locator('section:has(#quotas-title)').innerText()).toContain('연결이 없어 마지막으로 받은 집계');
    await expectAccessible(page, 'field quotas offline');
    await context.setOffline(false);
    await context.close();
  });
});
