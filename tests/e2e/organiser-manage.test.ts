import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch } from './browser';
import { decodeQr, makeResponse, organiserFetch, postResponses, signIn } from './organiser/helpers';
import { startServer, type TestServer } from './server';

let browser: Browser;
let server: TestServer;
let page: Page;

const manage = () => page.goto(`${server.url}/organiser/manage?survey=sovereign-ai`);
const waveRow = (slug: string) => page.locator(`tr[data-wave="${slug}"]`);

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  page = await context.newPage();
  await signIn(page, server.url);
  await page.getByRole('heading', { name: '설문', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('managing a survey (Korean UI)', () => {
  it('registers a wave, shows its join link as a QR code, and closes it', async () => {
    await manage();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await page.locator('#wave-label').fill('둘째 날 오전');
    await page.locator('#wave-slug').fill('day-2-am');
    await page.getByRole('checkbox', { name: '기기당 한 번만 응답' }).check();
    await page.getByRole('button', { name: '등록', exact: true }).click();

    const link = `${server.url}/s/sovereign-ai?wave=day-2-am&channel=conference`;
    await expect.poll(() => page.locator('[data-testid=join-link]').getAttribute('href')).toBe(link);
    expect(await decodeQr(page.locator('.org-join .org-qr'))).toBe(link);
    await expect.poll(() => waveRow('day-2-am').textContent()).toContain('둘째 날 오전');
    await expectAccessible(page, 'manage');
    const waves = (await (await organiserFetch(server.url, '/surveys/sovereign-ai/waves')).json()) as { slug: string; oneResponsePerDevice: boolean }[];
    expect(waves).toEqual([expect.objectContaining({ slug: 'day-2-am', oneResponsePerDevice: true })]);

    await waveRow('day-2-am').getByRole('button', { name: '마감', exact: true }).click();
    await waveRow('day-2-am').getByRole('button', { name: '정말 마감' }).click();
    await expect.poll(() => waveRow('day-2-am').getByRole('button', { name: '마감', exact: true }).count()).toBe(0);
    const late = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses: [makeResponse({ group: 'defense', wave: 'day-2-am' })] }) });
    expect(((await late.json()) as { results: { error?: { code: string } }[] }).results[0]!.error?.code).toBe('closed');
  });

  it('deletes a test wave’s responses and a single response by its id', async () => {
    const single = makeResponse({ group: 'culture' });
    await postResponses(server.url, [makeResponse({ group: 'defense', wave: 'rehearsal' }), makeResponse({ group: 'public', wave: 'rehearsal' }), single]);
    await manage();
    await expect.poll(() => waveRow('rehearsal').locator('td').nth(3).textContent()).toBe('2');
    await waveRow('rehearsal').getByRole('button', { name: '테스트 웨이브 응답 삭제' }).click();
    await waveRow('rehearsal').getByRole('button', { name: '정말 삭제' }).click();
    await expect.poll(async () => ((await (await organiserFetch(server.url, '/surveys/sovereign-ai/overview')).json()) as { total: number }).total).toBe(1);

    await page.locator('#delete-id').fill(String(single.id));
    await page.locator('#delete-title ~ .org-confirm').getByRole('button', { name: '응답 삭제' }).click();
    await page.getByRole('button', { name: '정말 삭제' }).click();
    await expect.poll(() => page.locator('#delete-title ~ [role=status]').textContent()).toBe(`삭제했습니다: ${single.id}`);
    expect((await organiserFetch(server.url, `/surveys/sovereign-ai/responses/${single.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('imports a field device’s backup file and reports stored, duplicate and rejected', async () => {
    const known = makeResponse({ group: 'defense', wave: 'field-1', channel: 'field' });
    await postResponses(server.url, [known]);
    const fresh = [makeResponse({ group: 'manufacturing', wave: 'field-1', channel: 'field' }), makeResponse({ group: 'public', wave: 'field-1', channel: 'field' })];
    const broken = { ...makeResponse({ group: 'defense' }), answers: { group: 'defense' } };
    const backup = { format: 'stance-backup', version: 1, device: 'field-tablet-1', exportedAt: new Date().toISOString(), responses: [known, ...fresh, broken] };
    await page.goto(`${server.url}/organiser/surveys`);
    await page.locator('#import-file').setInputFiles({ name: 'stance-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.getByRole('button', { name: '현장 기기 백업 가져오기' }).click();
    const summary = page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect((await summary.locator('dd').allTextContents()).map(Number)).toEqual([4, 2, 1, 1]);
    expect(await page.locator('.org-issues').textContent()).toContain('invalid');
    await expectAccessible(page, 'survey list after import');
  });

  it('adds a new version from JSON, with errors that point at the JSON path, choosing private results', async () => {
    await page.goto(`${server.url}/organiser/new?from=sovereign-ai`);
    const area = page.locator('#survey-json');
    await expect.poll(async () => (JSON.parse((await area.inputValue()) || '{}') as { version?: number }).version).toBe(2);
    const definition = JSON.parse(await area.inputValue()) as { sections: { questions: { id: string }[] }[] };

    await area.fill('{ "id": "sovereign-ai", }');
    await page.getByRole('button', { name: '올리기' }).click();
    await expect.poll(() => page.locator('.org-outcome').textContent()).toMatch(/JSON 문법 오류: .*줄 1, 열 \d+/);

    definition.sections[0]!.questions[0]!.id = 'Not A Slug';
    await area.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: '올리기' }).click();
    await expect.poll(() => page.locator('.org-issues code').allTextContents()).toContain('sections[0].questions[0].id');
    // The problem is worded in the UI language from its code, not in the server's English.
    expect(await page.locator('.org-issues li').allTextContents()).toContainEqual(expect.stringContaining('"Not A Slug"은(는) ID로 쓸 수 없습니다'));
    await expectAccessible(page, 'add survey with errors');

    definition.sections[0]!.questions[0]!.id = 'group';
    await area.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('radio', { name: '결과 비공개 (주최자만)' }).check();
    await page.getByRole('button', { name: '올리기' }).click();
    await expect.poll(() => page.locator('.org-ok').textContent()).toContain('sovereign-ai v2');
    const latest = (await (await fetch(`${server.url}/api/v1/surveys/sovereign-ai`)).json()) as { version: number; resultsPublic: boolean };
    expect(latest).toMatchObject({ version: 2, resultsPublic: false });
  });

  it('previews a version as a respondent sees it, in both languages, without submitting', async () => {
    const posted: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && posted.push(r.url()));
    await page.goto(`${server.url}/organiser/preview?survey=sovereign-ai&version=1`);
    await page.getByRole('heading', { name: '응답자 정보' }).waitFor();
    await page.locator('#q-group').getByRole('radio', { name: '기타' }).check();
    await page.locator('#q-group-other textarea').fill('시민단체');
    await expectAccessible(page, 'preview in Korean');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'About you' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#q-group-other textarea').inputValue()).toBe('시민단체');
    expect(await page.getByRole('button', { name: /Submit|제출/ }).count()).toBe(0);
    await expectAccessible(page, 'preview in English');
    expect(posted).toEqual([]);
  });
});
