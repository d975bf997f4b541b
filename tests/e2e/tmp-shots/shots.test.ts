import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { launch, phone, waitForServiceWorker, writeStore } from '../browser';
import { makeResponse, postResponses } from '../data';
import { organiserFetch } from '../organiser/helpers';
import { POSITIONS, allocate, likert, pick, press, rank, slide } from '../respondent';
import { startServer } from '../server';

const DIR = '/work/briefs/shots/respondent';
const L = {
  ko: { start: '시작하기', next: '다음', review: '검토', submit: '제출하기', group: '제조업', other: '기타', path: '둘을 함께', rank: ['제조업', '국방·안보', '교육'], field: '현장 조사 모드 켜기', collector: '조사원 이름', lang: '한국어' },
  en: { start: 'Start', next: 'Next', review: 'Review', submit: 'Submit', group: 'Manufacturing', other: 'Other', path: 'A mix of both', rank: ['Manufacturing', 'Defense and security', 'Education'], field: 'Turn on field mode', collector: 'Collector name', lang: 'English' },
};
const shot = async (page: Page, name: string, lang: string, full = true) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${DIR}/${name}-${lang}.png`, fullPage: full });
};

it('takes the respondent screenshots', async () => {
  const [browser, server] = await Promise.all([launch(), startServer()]);
  await postResponses(server.url, [1, 2, 3, 4, 5, 6].map(() => makeResponse()));
  const wave = { slug: 'hall-a', label: { ko: '오전 세션', en: 'Morning session' }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: true };
  const { code } = (await (await organiserFetch(server.url, '/surveys/sovereign-ai/waves', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(wave) })).json()) as { code: string };
  for (const lang of ['ko', 'en'] as const) {
    const t = L[lang];
    const context = await phone(browser, lang === 'ko' ? 'ko-KR' : 'en-US');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.survey-list').waitFor();
    await shot(page, '01-home', lang);
    await page.goto(`${server.url}/j/zzzzzz`);
    await page.locator('h1:not(.loading)').waitFor();
    await shot(page, '02-join-unknown', lang);
    await page.goto(`${server.url}/s/sovereign-ai?wave=Morning%20Session&channel=xyz`);
    await page.locator('.link-notes').waitFor();
    await shot(page, '03-notice-link-notes', lang);
    await page.goto(`${server.url}/j/${code.toLowerCase()}`);
    await page.locator('.notice').waitFor();
    await press(page, t.start);
    await pick(page, 'group', t.other);
    await page.locator('#q-group-other').waitFor();
    await shot(page, '04-profile-numbers-optional', lang);
    await pick(page, 'group', t.group);
    await press(page, t.next);
    for (const [i, id] of POSITIONS.entries()) await likert(page, id, (i % 5) + 1);
    await press(page, t.next);
    await page.locator('#q-allocation').waitFor();
    await allocate(page, 'allocation', [60, 50]);
    await shot(page, '05-direction-unanswered-spectrum-over-total', lang);
    await allocate(page, 'allocation', [40, 10, 10, 10, 10, 10, 10]);
    await slide(page, 'spectrum', 2);
    await rank(page, 'ranking', t.rank);
    await pick(page, 'path', t.path);
    await shot(page, '06-direction-answered', lang);
    await press(page, t.next);
    await page.locator('#q-comment').waitFor();
    await shot(page, '07-comment-optional', lang);
    await press(page, t.review);
    await page.locator('.review').waitFor();
    await shot(page, '08-review', lang);
    await press(page, t.submit);
    await expect.poll(() => page.locator('.thanks [role=status]').innerText(), { timeout: 20_000 }).toMatch(/서버에 전송|reached the server/);
    await page.locator('.results .result').first().waitFor({ timeout: 20_000 });
    await shot(page, '09-thank-you', lang);
    await page.goto(`${server.url}/j/${code}`);
    await page.locator('.already').waitFor();
    await shot(page, '10-already-answered-one-per-device', lang);
    await page.goto(`${server.url}/no/such/page`);
    await page.locator('h1').waitFor();
    await shot(page, '11-not-found', lang);
    await page.goto(`${server.url}/s/no-such-survey`);
    await page.locator('h1:not(.loading)').waitFor();
    await shot(page, '12-survey-does-not-exist', lang);
    await page.goto(`${server.url}/field`);
    await press(page, t.field);
    await page.locator('#collector-error').waitFor();
    await shot(page, '13-field-no-collector', lang);
    await page.getByLabel(t.collector).fill(lang === 'ko' ? '김조사' : 'Kim');
    await press(page, t.field);
    await page.waitForTimeout(800);
    await shot(page, '14-field-page', lang);
    await page.goto(`${server.url}/s/sovereign-ai`);
    await page.locator('.field-bar').waitFor();
    await shot(page, '15-field-notice', lang);
    // The status bar with responses waiting, offline.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await writeStore(page, 'outbox', [makeResponse(), makeResponse()]);
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('.status-bar').innerText(), { timeout: 15_000 }).toMatch(/2/);
    await page.waitForTimeout(2500);
    await shot(page, '16-status-bar-waiting', lang, false);
    await context.close();
  }
  await browser.close();
  await server.stop();
});
