import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch } from './browser';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { decodeQr, eventually, makeResponse, organiserFetch, postResponses, screenshot, signIn } from './organiser/helpers';
import { startServer, type TestServer } from './server';

let browser: Browser;
let server: TestServer;
let page: Page;

const manage = () => page.goto(`${server.url}/organiser/manage?survey=sovereign-ai`);
const waveRow = (slug: string) => page.locator(`tr[data-wave="${slug}"]`);

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  // An English browser with the app switched to Korean: dates, file pickers and form
  // messages must follow the app's language, not the browser's.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Seoul' });
  page = await context.newPage();
  await signIn(page, server.url);
  await page.getByRole('heading', { name: 'Surveys', exact: true }).waitFor();
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('heading', { name: '설문', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const fieldError = (id: string) => page.locator(`#${id}-error`);

/** Fills the wave form and registers the wave. */
async function register(wave: { ko: string; en: string; slug: string; date: string; time: string; test?: boolean; onePerDevice?: boolean }) {
  await page.getByLabel('이름 (한국어)').fill(wave.ko);
  await page.getByLabel('이름 (영어)').fill(wave.en);
  await page.locator('#wave-slug').fill(wave.slug);
  await page.getByLabel('시작 날짜').fill(wave.date);
  await page.getByLabel('시작 시각 (24시간)').fill(wave.time);
  if (wave.onePerDevice) await page.getByRole('checkbox', { name: '기기당 한 번만 응답' }).check();
  if (wave.test) await page.getByRole('checkbox', { name: '테스트 웨이브 (리허설)' }).check();
  await page.getByRole('button', { name: '등록', exact: true }).click();
}

describe('managing a survey (Korean UI in an English browser)', () => {
  it('registers a wave in both languages with the app’s own messages and dates, shows its join code beside the QR code, and closes it', async () => {
    await manage();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await page.getByLabel('시작 날짜').fill('2025-13-40');
    await page.getByRole('button', { name: '등록', exact: true }).click();
    await eventually(() => fieldError('wave-label-ko').textContent()).toContain('이름을 입력하세요');
    expect(await fieldError('wave-label-en').textContent()).toContain('이름을 입력하세요');
    expect(await fieldError('wave-slug').textContent()).toBe('영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다 (1~64자).');
    expect(await fieldError('wave-date').textContent()).toBe('날짜를 2025-06-02처럼 연-월-일로 입력하세요.');
    expect(await page.getByLabel('이름 (한국어)').getAttribute('aria-invalid')).toBe('true');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('wave-label-ko');
    await expectAccessible(page, 'wave form with errors');

    await page.getByLabel('시작 날짜').fill('2025-06-02');
    await page.getByLabel('시작 시각 (24시간)').fill('09:30');
    await eventually(() => page.getByTestId('wave-start').textContent()).toBe('시작: 2025년 6월 2일 월요일 오전 9:30 (이 기기의 시간대)');
    await register({ ko: '둘째 날 오전', en: 'Day two, morning', slug: 'day-2-am', date: '2025-06-02', time: '09:30', onePerDevice: true });

    await eventually(() => page.getByTestId('join-code').count()).toBe(1);
    const code = await page.getByTestId('join-code').textContent();
    const link = `${server.url}/j/${code}`;
    await eventually(() => page.locator('[data-testid=join-link]').getAttribute('href')).toBe(link);
    expect(await decodeQr(page.locator('.org-join .org-qr'))).toBe(link);
    expect(await page.locator('.org-join').getByTestId('loopback-warning').isVisible()).toBe(true);
    await eventually(() => waveRow('day-2-am').textContent()).toContain('둘째 날 오전');
    expect(await waveRow('day-2-am').textContent()).toContain('2025. 6. 2. 오전 9:30');
    expect(await waveRow('day-2-am').getByTestId('wave-state').textContent()).toBe('진행 중');
    expect(await waveRow('day-2-am').getByRole('button', { name: '이 웨이브의 응답 삭제' }).count()).toBe(0);
    await expectAccessible(page, 'manage');
    await screenshot(page, 'manage-ko');
    const waves = (await (await organiserFetch(server.url, '/surveys/sovereign-ai/waves')).json()) as unknown[];
    expect(waves).toEqual([expect.objectContaining({ slug: 'day-2-am', label: { ko: '둘째 날 오전', en: 'Day two, morning' }, oneResponsePerDevice: true, channel: 'conference', test: false, code })]);

    await register({ ko: '다음 해', en: 'Next year', slug: 'next-year', date: `${new Date().getFullYear() + 1}-01-15`, time: '10:00' });
    await eventually(() => waveRow('next-year').getByTestId('wave-state').textContent()).toBe('시작 전');

    await waveRow('day-2-am').getByRole('button', { name: '마감', exact: true }).click();
    await waveRow('day-2-am').getByRole('button', { name: '정말 마감' }).click();
    await eventually(() => waveRow('day-2-am').getByTestId('wave-state').textContent()).toMatch(/^마감됨 · /);
    expect(await waveRow('day-2-am').getByRole('button', { name: /마감/ }).count()).toBe(0);
    const late = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses: [makeResponse({ group: 'defense', wave: 'day-2-am' })] }) });
    expect(((await late.json()) as { results: { error?: { code: string } }[] }).results[0]!.error?.code).toBe('closed');
  });

  it('deletes a test wave’s responses only after its slug is typed, refuses a real wave’s, and deletes a single response by its id', async () => {
    const single = makeResponse({ group: 'culture' });
    await postResponses(server.url, [makeResponse({ group: 'defense', wave: 'rehearsal' }), makeResponse({ group: 'public', wave: 'rehearsal' }), single]);
    await manage();
    // Two responses in a slug no one registered: summed under "other waves", with no deletion of their own.
    await eventually(async () => Number(await waveRow('_other').getByTestId('wave-count').textContent())).toBeGreaterThanOrEqual(2);
    expect(await waveRow('rehearsal').count()).toBe(0);
    expect((await organiserFetch(server.url, '/surveys/sovereign-ai/waves/rehearsal/responses', { method: 'DELETE' })).status).toBe(409);

    await register({ ko: '리허설', en: 'Rehearsal', slug: 'rehearsal', date: '2025-06-01', time: '08:00', test: true });
    await eventually(() => waveRow('rehearsal').getByTestId('wave-count').textContent()).toBe('2');
    await waveRow('rehearsal').getByRole('button', { name: '이 웨이브의 응답 삭제' }).click();
    const confirm = page.getByLabel('확인을 위해 이 웨이브의 링크용 이름을 입력하세요: rehearsal');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('delete-wave-slug');
    await confirm.fill('rehearsa');
    await page.locator('.org-delete-wave').getByRole('button', { name: '응답 삭제' }).click();
    await eventually(() => fieldError('delete-wave-slug').textContent()).toBe('입력한 이름이 웨이브의 링크용 이름과 다릅니다.');
    expect(((await (await organiserFetch(server.url, '/surveys/sovereign-ai/overview')).json()) as { total: number }).total).toBe(3);
    await expectAccessible(page, 'delete a test wave');
    await confirm.fill('rehearsal');
    await page.locator('.org-delete-wave').getByRole('button', { name: '응답 삭제' }).click();
    await eventually(() => page.locator('.org-delete-wave [role=status]').textContent()).toBe('삭제한 응답 수: 2');
    await eventually(async () => ((await (await organiserFetch(server.url, '/surveys/sovereign-ai/overview')).json()) as { total: number }).total).toBe(1);

    await page.locator('#delete-id').fill(String(single.id));
    await page.locator('#delete-title ~ .org-confirm').getByRole('button', { name: '응답 삭제' }).click();
    await page.getByRole('button', { name: '정말 삭제' }).click();
    await eventually(() => page.locator('#delete-title ~ [role=status]').textContent()).toBe(`삭제했습니다: ${single.id}`);
    expect((await organiserFetch(server.url, `/surveys/sovereign-ai/responses/${single.id}`, { method: 'DELETE' })).status).toBe(404);

    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => waveRow('rehearsal').getByTestId('wave-state').textContent()).toBe('In progress');
    expect(await waveRow('rehearsal').textContent()).toContain('1 Jun 2025, 08:00');
    await expectAccessible(page, 'manage (en)');
    await page.getByRole('button', { name: '한국어' }).click();
  });

  it('imports a field device’s backup file and reports stored, duplicate and rejected', async () => {
    const known = makeResponse({ group: 'defense', wave: 'field-1', channel: 'field' });
    await postResponses(server.url, [known]);
    const fresh = [makeResponse({ group: 'manufacturing', wave: 'field-1', channel: 'field' }), makeResponse({ group: 'public', wave: 'field-1', channel: 'field' })];
    const broken = { ...makeResponse({ group: 'defense' }), answers: { group: 'defense' } };
    const backup = { format: 'stance-backup', version: 1, device: 'field-tablet-1', exportedAt: new Date().toISOString(), responses: [known, ...fresh, broken] };
    await page.goto(`${server.url}/organiser/surveys`);
    const picker = page.locator('.org-file').filter({ has: page.locator('#import-file') });
    expect(await picker.textContent()).toBe('파일 선택선택한 파일 없음');
    expect((await page.locator('#import-file').boundingBox())!.width).toBeLessThanOrEqual(1);
    await page.locator('#import-file').setInputFiles({ name: 'stance-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await eventually(() => picker.locator('.org-file-name').textContent()).toBe('stance-backup.json');
    await page.getByRole('button', { name: '현장 기기 백업 가져오기' }).click();
    const summary = page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect((await summary.locator('dd').allTextContents()).map(Number)).toEqual([4, 2, 1, 1]);
    expect(await page.locator('.org-issues').textContent()).toContain('invalid');
    await expectAccessible(page, 'survey list after import');
    await screenshot(page, 'surveys-import-ko');
  });

  it('adds a new version from JSON, with errors that point at the JSON path, choosing private results', async () => {
    await page.goto(`${server.url}/organiser/new?from=sovereign-ai`);
    const area = page.locator('#survey-json');
    const next = sovereignAiSurvey.version + 1;
    await eventually(async () => (JSON.parse((await area.inputValue()) || '{}') as { version?: number }).version).toBe(next);
    const definition = JSON.parse(await area.inputValue()) as { sections: { questions: { id: string }[] }[] };

    await area.fill('{ "id": "sovereign-ai", }');
    await page.getByRole('button', { name: '올리기' }).click();
    await eventually(() => page.locator('.org-outcome').textContent()).toMatch(/JSON 문법 오류: .*줄 1, 열 \d+/);

    definition.sections[0]!.questions[0]!.id = 'Not A Slug';
    await area.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: '올리기' }).click();
    await eventually(() => page.locator('.org-issues code').allTextContents()).toContain('sections[0].questions[0].id');
    // The problem is worded in the UI language from its code, not in the server's English.
    expect(await page.locator('.org-issues li').allTextContents()).toContainEqual(expect.stringContaining('"Not A Slug"은(는) ID로 쓸 수 없습니다'));
    await expectAccessible(page, 'add survey with errors');
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.locator('.org-file').first().textContent()).toBe('Choose a fileNo file chosen');
    await expectAccessible(page, 'add survey (en)');
    await page.getByRole('button', { name: '한국어' }).click();

    definition.sections[0]!.questions[0]!.id = 'group';
    await area.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('radio', { name: '결과 비공개 (주최자만)' }).check();
    await page.getByRole('button', { name: '올리기' }).click();
    await eventually(() => page.locator('.org-ok').textContent()).toContain(`sovereign-ai v${next}`);
    const latest = (await (await fetch(`${server.url}/api/v1/surveys/sovereign-ai`)).json()) as { version: number; resultsPublic: boolean };
    expect(latest).toMatchObject({ version: next, resultsPublic: false });
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
