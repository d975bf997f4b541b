import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closestGroup } from '../../src/core/analysis';
import { OpinionMapSchema } from '../../src/core/opinion-map';
import type { Answers } from '../../src/core/response';
import { expectAccessible, launch, phone, readStore, waitForServiceWorker } from './browser';
import { makeResponse, postResponses } from './data';
import { answerAll, POSITIONS, press } from './respondent';
import { startServer, type TestServer } from './server';

// Its own server: the planted responses below would change the figures other files read.
let server: TestServer;
let browser: Browser;

/** Three planted opinion groups of 30 over the built-in survey's eight positions. */
function planted() {
  const centres = [[5, 5, 1, 1, 1, 1, 3, 3], [1, 1, 5, 5, 1, 1, 3, 3], [1, 1, 1, 1, 5, 5, 3, 3]];
  const groups = ['manufacturing', 'defense', 'culture'];
  return Array.from({ length: 90 }, (_, i) => {
    const r = makeResponse();
    const answers = r.answers as Record<string, unknown>;
    POSITIONS.forEach((p, j) => (answers[p] = Math.max(1, Math.min(5, centres[i % 3]![j]! + ((i * 7 + j) % 3) - 1))));
    answers.group = groups[i % 3];
    return r;
  });
}

/** The answers `answerAll` gives each position: 1, 2, 3, 4, 5, 1, 2, 3. */
const ANSWERED: Answers = Object.fromEntries(POSITIONS.map((p, i) => [p, (i % 5) + 1]));

beforeAll(async () => {
  server = await startServer();
  const responses = planted();
  for (let i = 0; i < responses.length; i += 30) await postResponses(server.url, responses.slice(i, i + 30));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the opinion map on the respondent side', () => {
  it('tells a respondent the opinion group they sit closest to, then shows a field device its own consensus offline', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai`);
    await answerAll(page);
    const closest = page.locator('section:has(#closest-title)');
    await closest.waitFor({ timeout: 20_000 });
    // The map the device used is kept on it, so the screen works offline next time.
    const kept = (await readStore(page, 'cache')).map((r) => OpinionMapSchema.safeParse((r as { value: unknown }).value));
    const map = kept.find((m) => m.success)!.data!;
    if (map.withheld) throw new Error('the planted map should be shown');
    const expected = closestGroup(ANSWERED, map)!;
    // Three planted groups: 1과, 2와, 3과 (the particle follows how the number is read), and 퍼센트가.
    const group = expected.group + 1;
    expect(await closest.textContent()).toContain(`의견 그룹 ${group}${group === 2 ? '와' : '과'} 가장 가깝습니다.`);
    expect(await closest.textContent()).toMatch(/응답자의 \d+%가 이 그룹에 속합니다/);
    expect(await closest.locator('li').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'thank-you with opinion group');

    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(`${server.url}/field`);
    await page.getByLabel('조사원 이름').fill('박조사');
    await press(page, '현장 조사 모드 켜기');
    await page.goto(`${server.url}/s/sovereign-ai`);
    for (let i = 0; i < 5; i++) await answerAll(page, { fieldMode: true });
    await page.goto(`${server.url}/field`);
    const sample = page.locator('section:has(#sample-title)');
    await expect.poll(() => sample.locator('[data-count=sample]').textContent(), { timeout: 20_000 }).toBe('6');
    // Six identical answer sets: every position answered 1, 2, 4 or 5 is consensus, the two 3s are not.
    await expect.poll(() => sample.locator('ul').first().locator('li').count()).toBe(6);
    await sample.locator('summary').first().click();
    await expect.poll(() => sample.locator('table').first().textContent()).toContain('100%');
    await expectAccessible(page, 'field page with its sample');
    await context.close();
  });
});
