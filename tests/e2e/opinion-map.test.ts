import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch } from './browser';
import { makeResponse, postResponses } from './data';
import { screenshot, signIn } from './organiser/helpers';
import { POSITIONS } from './respondent';
import { TEST_TOKEN, startServer, type TestServer } from './server';

// Its own server: the planted responses would change the figures other files read.
let server: TestServer;
let browser: Browser;

/**
 * Three planted opinion groups of 20 that cut across the declared groups: opinion group i
 * agrees with positions 2i and 2i+1 and disagrees with the rest; everyone agrees with the
 * last position (a planted consensus). Declared groups rotate independently of opinion.
 */
function planted() {
  const declared = ['manufacturing', 'defense', 'culture', 'public'];
  return Array.from({ length: 60 }, (_, i) => {
    const opinion = i % 3;
    const r = makeResponse({ wave: 'map' });
    POSITIONS.forEach((p, j) => (r.answers[p] = j === 7 ? 5 : Math.floor(j / 2) === opinion ? 5 : 1));
    r.answers.group = declared[Math.floor(i / 3) % 4]!;
    return r;
  });
}

async function openMap(page: Page, locale: 'en' | 'ko') {
  // Signing in on the map's own address: no second page load while the service worker installs.
  await signIn(page, server.url, TEST_TOKEN, '/organiser/results?survey=sovereign-ai&view=map');
  await page.locator('#opm-title').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: locale === 'ko' ? '한국어' : 'English', exact: true }).click();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  const responses = planted();
  for (let i = 0; i < responses.length; i += 30) await postResponses(server.url, responses.slice(i, i + 30));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the organiser opinion map', () => {
  it('shows the planted groups, the consensus position and the declared × found table, accessibly', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await openMap(page, 'en');
    await expect.poll(() => page.locator('.opinion-map svg[role=img]').count()).toBe(1);
    // Groups are named by what sets them apart, by the positions' numbers as respondents see them.
    const legend = page.locator('.org-opm-legend li');
    await expect.poll(() => legend.count()).toBe(3);
    for (const entry of await legend.allTextContents()) expect(entry).toMatch(/^\d (Agrees|Disagrees) more with Q\d+( and Q\d+)?(, disagrees more with Q\d+( and Q\d+)?)?: 20 respondents \(33%\)$/);
    const text = await page.locator('.opinion-map').textContent();
    expect(text).not.toMatch(/Group \d/);
    expect(text).not.toContain('z =');
    expect(await page.locator('#opm-groups').locator('..').textContent()).toMatch(/difference: (clear|strong|very strong)/);
    expect(text).toContain('How strong a difference is says how unlikely chance alone would make it');
    // Each axis is named by the positions that load on it: planted groups split on positions 1–6, never on the consensus 8.
    const axes = await page.locator('#opm-axes').locator('..').textContent();
    expect(axes).toMatch(/Further (right|left): agrees more with/);
    expect(axes).not.toContain('Korean-specific data should be secured');
    const consensus = await page.locator('#opm-consensus').locator('..').textContent();
    expect(consensus).toMatch(/Agree \(group-informed consensus \d+%\): \d+\. Korean-specific data should be secured before building models\./);
    expect(await page.locator('#opm-cross').locator('..').textContent()).toContain('Manufacturing55515');
    const table = page.locator('#opm-cross').locator('..').locator('table');
    expect(await table.locator('th[scope=col]').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'opinion map (en)');
    await screenshot(page.locator('.opinion-map'), 'opinion-map-en');

    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => page.locator('#opm-title').textContent()).toMatch(/[가-힣]/);
    await expectAccessible(page, 'opinion map (ko)');
    await screenshot(page.locator('.opinion-map'), 'opinion-map-ko');
    await context.close();
  });
});
