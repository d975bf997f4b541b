import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, phone, readStore } from './browser';
import { answerUpToReview, press } from './respondent';
import { startServer, storedIds, type TestServer } from './server';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launch();
  server = await startServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

declare global {
  interface Window {
    __storageFull?: boolean;
  }
}

/**
 * A full disk, as Chromium reports it: adding to the outbox throws QuotaExceededError while
 * `window.__storageFull` is set. Drafts (put) still save, as they would when a little space is left.
 */
function fillStorage(): void {
  window.__storageFull = true;
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (this.name === 'outbox' && window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return add.apply(this, args);
  };
}

describe('storage runs out on submit', () => {
  it('says so clearly, keeps the draft, claims nothing is saved; once space is back the same response goes through', async () => {
    const context = await phone(browser);
    await context.addInitScript(fillStorage);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai?wave=quota-test`);
    await answerUpToReview(page, { group: '시민·이용자', comment: '저장 공간 시험' });
    await page.getByRole('heading', { name: '제출 전에 확인하세요' }).waitFor();
    await expect.poll(async () => ((await readStore(page, 'drafts')) as { answers: object }[])[0]?.answers, { timeout: 5000 }).toHaveProperty('comment');
    const [draft] = (await readStore(page, 'drafts')) as { responseId: string; answers: Record<string, unknown>; step: number }[];

    await press(page, '제출하기');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('기기의 저장 공간이 가득 차서 저장하지 못했습니다');
    expect(await page.getByRole('heading', { name: '제출 전에 확인하세요' }).isVisible()).toBe(true);
    expect(await page.getByText('응답이 이 기기에 저장되었습니다').count()).toBe(0);
    expect(await page.getByRole('heading', { name: '감사합니다' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '제출하기' }).isEnabled()).toBe(true);
    expect(await readStore(page, 'outbox')).toEqual([]);
    expect(await readStore(page, 'drafts')).toEqual([expect.objectContaining({ responseId: draft!.responseId, answers: draft!.answers })]);
    expect(await storedIds(server.url)).not.toContain(draft!.responseId);

    await page.evaluate(() => (window.__storageFull = false)); // the respondent freed some space
    await press(page, '제출하기');
    await page.getByRole('heading', { name: '감사합니다' }).waitFor();
    await expect.poll(() => storedIds(server.url), { timeout: 30_000 }).toContain(draft!.responseId);
    expect(await readStore(page, 'drafts')).toEqual([]);
    await context.close();
  });
});
