import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, phone } from './browser';
import { makeResponse, postResponses } from './data';
import { POSITIONS, allocate, likert, pick, press, rank, slide } from './respondent';
import { startServer, type TestServer } from './server';

// Its own server: the responses here would change the figures other files read.
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  await postResponses(server.url, [1, 2, 3, 4, 5].map(() => makeResponse()));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the respondent screens in English', () => {
  it('read as English throughout and pass axe on every screen that changed', async () => {
    const context = await phone(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai?wave=Day%20One`);
    await expect.poll(() => page.locator('.link-notes').innerText()).toContain('The link’s session name “Day One” is recorded as “day-one”.');
    await expectAccessible(page, 'English notice with a link note');
    await press(page, 'Start');
    expect(await page.locator('.required-note').innerText()).toBe('Please answer every question not marked Optional.');
    await pick(page, 'group', 'Other');
    await expect.poll(() => page.locator('#q-group-other .q-number').innerText()).toBe('1a.');
    await expectAccessible(page, 'English profile');
    await pick(page, 'group', 'Manufacturing');
    await press(page, 'Next');
    for (const [i, id] of POSITIONS.entries()) await likert(page, id, (i % 5) + 1);
    await press(page, 'Next');
    expect(await page.locator('#q-spectrum output').innerText()).toBe('Not answered yet · tap the line to choose');
    await allocate(page, 'allocation', [70, 40]);
    expect(await page.locator('#q-allocation .alloc-over').innerText()).toBe('10 trillion won over: bring the total down to 100 trillion won.');
    await expectAccessible(page, 'English direction, over the total');
    await allocate(page, 'allocation', [60, 10, 10, 5, 5, 5, 5]);
    expect(await page.locator('#q-allocation .alloc-sum').innerText()).toContain('Allocated 100 trillion won / 100 trillion won');
    await slide(page, 'spectrum', -2);
    await rank(page, 'ranking', ['Manufacturing', 'Defense and security', 'Education']);
    await pick(page, 'path', 'A mix of both');
    await press(page, 'Next');
    expect(await page.locator('#q-comment .prompt').innerText()).not.toContain('(optional)');
    await press(page, 'Review');
    const review = page.locator('.review');
    await expect.poll(() => review.innerText()).toContain('4 — towards “Strongly agree”');
    expect(await review.innerText()).toContain('3 — towards “A general service for everyone” (0 A general service for everyone ↔ 10 Strategic sectors)');
    await expectAccessible(page, 'English review');
    await press(page, 'Submit');
    const thanks = page.locator('.thanks');
    await expect.poll(() => thanks.getByRole('status').innerText(), { timeout: 20_000 }).toBe('Your response has reached the server.');
    await expect.poll(() => page.locator('.results').first().innerText(), { timeout: 20_000 }).toContain('95% confidence interval');
    expect(await page.locator('main').innerText()).not.toMatch(/[가-힣]/);
    await expectAccessible(page, 'English thank-you');
    await context.close();
  });

  it('show the field page and the join screens in English, accessibly', async () => {
    const context = await phone(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/field`);
    await press(page, 'Turn on field mode');
    await expect.poll(() => page.locator('#collector-error').innerText()).toBe('Enter a collector name to turn field mode on.');
    await expect.poll(() => page.locator('section:has(#storage-title)').innerText()).toMatch(/\d+(\.\d)? (B|KB|MB|GB) used of /);
    await expectAccessible(page, 'English field page');
    await page.goto(`${server.url}/j/abcdef`);
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('No session has this code');
    await expectAccessible(page, 'English unknown join code');
    await page.goto(`${server.url}/s/nothing-here`);
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('This survey does not exist');
    await expectAccessible(page, 'English unknown survey');
    await context.close();
  });
});
