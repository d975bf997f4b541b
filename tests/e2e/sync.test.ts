import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, storedIds, type TestServer } from './server';
import { launch, phone, readStore, waitForServiceWorker } from './browser';
import { makeResponse, postResponses } from './data';
import { answerAll } from './respondent';

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

describe('sync against the real server', () => {
  it('keeps a response answered while the server is down and delivers it when the server returns', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai?wave=hall-a&channel=conference`);
    await waitForServiceWorker(page);
    await server.kill();

    await answerAll(page, { group: '콘텐츠·문화 산업' });
    await expect.poll(() => page.locator('.status-bar').textContent(), { timeout: 15_000 }).toContain('응답 1개 전송 대기');
    const [waiting] = (await readStore(page, 'outbox')) as { id: string }[];

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    await expect.poll(() => storedIds(server.url), { timeout: 60_000, interval: 500 }).toContain(waiting!.id);
    await expect.poll(() => page.locator('.status-bar').textContent(), { timeout: 15_000 }).toContain('모든 응답 전송됨');
    expect(await readStore(page, 'outbox')).toEqual([]);
    expect(((await readStore(page, 'sent')) as { response: { id: string } }[]).map((s) => s.response.id)).toEqual([waiting!.id]);
    await context.close();
  });

  it('shows two phones in the results and keeps the results for an offline reload', async () => {
    await postResponses(server.url, [1, 2, 3].map(() => makeResponse({ wave: 'hall-b' })));
    const phones = await Promise.all([phone(browser), phone(browser)]);
    const pages = await Promise.all(phones.map((c) => c.newPage()));
    for (const page of pages) {
      await page.goto(`${server.url}/s/sovereign-ai?wave=hall-b`);
      await answerAll(page);
    }
    const last = pages[1]!;
    await expect.poll(() => last.locator('.results').textContent(), { timeout: 30_000 }).toMatch(/응답 수: (5|6)/);
    const ids = (await Promise.all(pages.map((p) => readStore(p, 'sent')))).flat() as { response: { id: string } }[];
    expect(await storedIds(server.url)).toEqual(expect.arrayContaining(ids.map((s) => s.response.id)));

    await waitForServiceWorker(last);
    await phones[1]!.setOffline(true);
    await last.goto(`${server.url}/r/sovereign-ai`);
    await expect.poll(() => last.locator('.results').textContent(), { timeout: 15_000 }).toMatch(/응답 수: (5|6)/);
    await Promise.all(phones.map((c) => c.close()));
  });
});
