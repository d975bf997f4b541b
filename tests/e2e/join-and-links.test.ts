import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heldResponses, launch, phone, waitForServiceWorker } from './browser';
import { organiserFetch } from './organiser/helpers';
import { answerAll, press } from './respondent';
import { startServer, type TestServer } from './server';

// Its own server: the waves registered here would show in other files' overviews.
let server: TestServer;
let browser: Browser;
let code: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  const wave = { slug: 'hall-a', label: { ko: '오전 세션', en: 'Morning session' }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: true };
  const res = await organiserFetch(server.url, '/surveys/sovereign-ai/waves', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(wave) });
  code = ((await res.json()) as { code: string }).code;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const h1 = (page: Page) => page.locator('h1').first().innerText();

describe('join codes', () => {
  it('opens the wave of a code typed in lower case, and in a one-per-device wave refuses a second answer', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/j/${code.toLowerCase()}`);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${server.url}/s/sovereign-ai`);
    await expect.poll(() => page.locator('.notice').innerText()).toContain(`참여 세션: 오전 세션 (코드 ${code})`);
    await expectAccessible(page, 'notice of a joined wave');
    await answerAll(page);
    expect(await heldResponses(page)).toEqual([expect.objectContaining({ wave: 'hall-a', channel: 'conference' })]);

    await page.goto(`${server.url}/j/${code}`);
    await expect.poll(() => page.locator('.already').innerText()).toContain('이 세션에서는 기기당 한 번만 응답할 수 있어 다시 응답할 수 없습니다.');
    expect(await page.getByRole('button', { name: /시작하기|다시 응답하기/ }).count()).toBe(0);
    await expectAccessible(page, 'notice, already answered in a one-per-device wave');
    await context.close();
  });

  it('opens a code typed on the home page', async () => {
    const context = await phone(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Join code').fill(`  ${code.toLowerCase()} `);
    await press(page, 'Join');
    await expect.poll(() => page.locator('.notice').innerText()).toContain(`Session: Morning session (code ${code})`);
    await page.goto(`${server.url}/`);
    await page.getByLabel('Join code').fill('O0I1');
    await press(page, 'Join');
    expect(await page.locator('#join-code-error').innerText()).toContain('six characters');
    await expectAccessible(page, 'home with a wrong code, English');
    await context.close();
  });

  it('explains an unknown or malformed code online, and says offline that it cannot check one yet', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/j/${code}`);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${server.url}/s/sovereign-ai`);
    await page.goto(`${server.url}/j/zzzzzz`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('없는 참여 코드입니다');
    expect(await page.locator('.card').first().innerText()).toContain('코드 ZZZZZZ를 쓰는 세션이 없습니다.');
    await expectAccessible(page, 'unknown join code');
    await page.goto(`${server.url}/j/0o1il0`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('참여 코드가 아닙니다');

    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(`${server.url}/j/${code}`);
    // A code this device has looked up before still opens its wave offline.
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${server.url}/s/sovereign-ai`);
    await page.goto(`${server.url}/j/yyyyyy`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('지금은 코드를 확인할 수 없습니다');
    await expectAccessible(page, 'join code offline');
    await context.setOffline(false);
    // Back online, the page checks again by itself.
    await expect.poll(() => h1(page), { timeout: 15_000 }).toBe('없는 참여 코드입니다');
    await context.close();
  });
});

describe('links and addresses', () => {
  it('says what a link’s wave and channel became, and lets a field link count as field data only in field mode', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai?wave=Morning%20Session&channel=xyz`);
    const notes = page.locator('.link-notes');
    await expect.poll(() => notes.innerText()).toContain('링크의 세션 이름 ‘Morning Session’을 ‘morning-session’으로 바꾸어 기록합니다.');
    expect(await notes.innerText()).toContain('링크의 채널 ‘xyz’는 알 수 없는 값이라 ‘web’으로 기록합니다.');
    await expectAccessible(page, 'notice with link notes');
    await page.goto(`${server.url}/s/sovereign-ai?channel=field`);
    await expect.poll(() => notes.innerText()).toContain('현장 조사 모드가 아니어서 웹 응답으로 기록합니다');
    await answerAll(page);
    expect((await heldResponses(page)).map((r) => [r.wave, r.channel])).toEqual([['morning-session', 'web']]);
    await context.close();
  });

  it('shows a real not-found page for an unknown address, online and offline', async () => {
    const context = await phone(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/no/such/page`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('Page not found');
    expect(await page.locator('code.path').innerText()).toBe('/no/such/page');
    await expectAccessible(page, 'not found, English');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(`${server.url}/another/missing`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('Page not found');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('페이지를 찾을 수 없습니다');
    await expectAccessible(page, 'not found, Korean, offline');
    await context.close();
  });

  it('says a survey does not exist only when the server says so, and offline that it is not on the device yet', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/no-such-survey`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('없는 설문입니다');
    await expectAccessible(page, 'unknown survey');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(`${server.url}/s/maybe-later`);
    await expect.poll(() => h1(page), { timeout: 10_000 }).toBe('이 기기에 아직 없는 설문입니다');
    expect(await page.getByRole('button', { name: '다시 시도' }).count()).toBe(1);
    await expectAccessible(page, 'survey not on this device, offline');
    await context.close();
  });
});
