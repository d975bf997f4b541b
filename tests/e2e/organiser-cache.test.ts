import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ORGANISER_CACHE, ORGANISER_CACHE_ENTRIES } from '../../src/sw/organiser-cache';
import { launch, waitForServiceWorker } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the organiser chunks’ cache', () => {
  it('keeps the chunks an organiser opened and prunes the least recently used beyond its limit', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await waitForServiceWorker(page);
    await page.goto(`${baseUrl}/organiser`);
    await page.locator('#org-username').waitFor();
    const chunk = `/assets/organiser/${readdirSync('dist/app/assets/organiser').find((f) => f.startsWith('OrganiserApp-'))!}`;
    const cached = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search), ORGANISER_CACHE);
    await expect.poll(cached).toContain(chunk);

    // As if many deploys had come and gone: more distinct chunk addresses than the cache keeps.
    const deploys = ORGANISER_CACHE_ENTRIES + 5;
    await page.evaluate(async ({ path, n }) => {
      for (let i = 0; i < n; i++) await (await fetch(`${path}?deploy=${i}`)).arrayBuffer();
    }, { path: chunk, n: deploys });
    await expect.poll(async () => (await cached()).length, { timeout: 15_000 }).toBe(ORGANISER_CACHE_ENTRIES);
    const kept = await cached();
    expect(kept).toContain(`${chunk}?deploy=${deploys - 1}`);
    expect(kept).not.toContain(`${chunk}?deploy=0`);
    await context.close();
  });
});
