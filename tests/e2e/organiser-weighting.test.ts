import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch } from './browser';
import { eventually, makeResponse, organiserFetch, postResponses, signIn } from './organiser/helpers';
import { startServer, type TestServer } from './server';

let browser: Browser;
let server: TestServer;
let page: Page;

// The planted sample: ten of one group all at 1, ten of another all at 5, shares
// 0.8 / 0.2: weighted mean 1.8 beside an unweighted 3.0 (with five more at 3 in a group
// that gets no share, so it is left out of the weighted figures and named).
const planted = [
  ...Array.from({ length: 10 }, () => makeResponse({ group: 'manufacturing', likert: 1 })),
  ...Array.from({ length: 10 }, () => makeResponse({ group: 'ai-industry', likert: 5 })),
  ...Array.from({ length: 5 }, () => makeResponse({ group: 'defense', likert: 3 })),
];
// Kish: weights 0.08 (manufacturing) and 0.02 (AI): (10·0.08 + 10·0.02)² / (10·0.08² + 10·0.02²) = 14.7.
const EFFECTIVE_N = '14.7';

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  await postResponses(server.url, planted);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  await signIn(page, server.url);
  await page.getByRole('heading', { name: 'Surveys', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const share = (label: string) => page.getByLabel(`Share of ${label} (%)`);
const defenseCard = () => page.locator('section.org-question').filter({ has: page.locator('#r-p-defense') });

describe('weighting through the organiser UI', () => {
  it('enters shares with a sum check in the UI language, saves them, and toggles weighted figures labelled with n and effective n', async () => {
    await page.goto(`${server.url}/organiser/manage?survey=sovereign-ai`);
    await share('Manufacturing').fill('80');
    await share('AI or IT company').fill('30');
    await expect.poll(() => page.getByTestId('weighting-sum').innerText()).toBe('Sum: 110%');
    await page.getByRole('button', { name: 'Save the weighting' }).click();
    await eventually(() => page.locator('#weighting-title ~ form [role=alert]').innerText()).toBe('The shares sum to 110%. Make them sum to 100%.');
    await expectAccessible(page, 'weighting form with a sum error');
    // The same check in Korean.
    await page.getByRole('button', { name: '한국어' }).click();
    await eventually(() => page.locator('#weighting-title ~ form [role=alert]').innerText()).toBe('합계가 110%입니다. 100%가 되도록 고쳐 주세요.');
    await page.getByLabel('AI·IT 기업 비율 (%)').fill('abc');
    await page.getByRole('button', { name: '가중치 저장' }).click();
    expect(await page.locator('#w-ai-industry-error').innerText()).toBe('0에서 100 사이의 숫자를 입력하세요.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('w-ai-industry');
    await page.getByRole('button', { name: 'English' }).click();
    await share('AI or IT company').fill('20');
    await page.getByRole('button', { name: 'Save the weighting' }).click();
    await eventually(() => page.locator('#weighting-title ~ form [role=status]').innerText()).toBe('The weighting is saved.');
    const stored = await (await organiserFetch(server.url, '/surveys/sovereign-ai/weighting')).json();
    expect(stored).toEqual({ shares: { manufacturing: 0.8, 'ai-industry': 0.2 } });
    await expectAccessible(page, 'weighting saved');

    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await eventually(() => defenseCard().innerText()).toContain('Mean 3');
    expect(await page.getByTestId('weighting-note').count()).toBe(0);
    await page.getByRole('button', { name: 'Weighted', exact: true }).click();
    expect(page.url()).toContain('weighted=true');
    const note = page.getByTestId('weighting-note');
    await eventually(() => note.innerText()).toContain(`n = 20, effective n = ${EFFECTIVE_N}`);
    expect(await note.innerText()).toContain('Groups left out of the weighted figures: Defense and security industry');
    await eventually(() => defenseCard().innerText()).toContain('Mean 1.8');
    expect(await defenseCard().locator('.org-weighted-label').innerText()).toBe(`Weighted · n = 20 · effective n = ${EFFECTIVE_N}`);
    await expectAccessible(page, 'weighted results');

    // Live: a new response reaches the weighted view without a reload.
    await postResponses(server.url, [makeResponse({ group: 'manufacturing', likert: 1 })]);
    await eventually(() => note.innerText()).toContain('n = 21,');
    expect(await page.locator('.org-live').innerText()).toContain('Live');
    // And back to the unweighted figures.
    await page.getByRole('button', { name: 'Unweighted', exact: true }).click();
    await eventually(() => page.getByTestId('weighting-note').count()).toBe(0);
    await eventually(() => defenseCard().innerText()).toMatch(/Mean 2\.9/);
    expect(await defenseCard().locator('.org-weighted-label').count()).toBe(0);
  });

  it('removes the weighting, after which results offer only the way to set one', async () => {
    await page.goto(`${server.url}/organiser/manage?survey=sovereign-ai`);
    await page.getByRole('button', { name: 'Remove the weighting' }).click();
    await page.getByRole('button', { name: 'Really remove the weighting' }).click();
    await eventually(() => page.locator('#weighting-title ~ form [role=status]').innerText()).toContain('The weighting is removed');
    expect((await organiserFetch(server.url, '/surveys/sovereign-ai/weighting')).status).toBe(404);
    await page.goto(`${server.url}/organiser/results?survey=sovereign-ai&weighted=true`);
    await eventually(() => page.getByRole('link', { name: 'Set the weighting' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Weighted', exact: true }).count()).toBe(0);
    expect(await page.getByTestId('weighting-note').count()).toBe(0);
  });
});
