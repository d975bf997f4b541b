import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, phone, readStore, waitForServiceWorker } from './browser';
import { POSITIONS, allocate, likert, pick, press, rank, slide } from './respondent';
import { TEST_TOKEN, startServer, type TestServer } from './server';

// The app is served from a copy of dist/app, so this test can publish a new sw.js mid-survey
// without touching the build other tests use.
const base = mkdtempSync(join(tmpdir(), 'stance-update-'));
const appDir = join(base, 'app');
let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  cpSync(resolve('dist/app'), appDir, { recursive: true });
  browser = await launch();
  server = await startServer({ env: { STATIC_DIR: appDir } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

type StoredDraft = { responseId: string; step: number; answers: Record<string, unknown> };

async function draftOf(page: Page): Promise<StoredDraft | undefined> {
  return ((await readStore(page, 'drafts')) as StoredDraft[])[0];
}

/** A new release: the same app with a changed service worker that leaves a mark when it runs. */
function publishNewServiceWorker(): void {
  appendFileSync(join(appDir, 'sw.js'), `\n;caches.open('stance-update-marker'); // release ${Date.now()}\n`);
}

/** The profile and the eight positions, then one answer on the third section: halfway through. */
async function answerHalfway(page: Page): Promise<void> {
  await press(page, '시작하기');
  await pick(page, 'group', '제조업');
  await press(page, '다음');
  for (const [i, id] of POSITIONS.entries()) await likert(page, id, 5 - (i % 5));
  await press(page, '다음');
  await slide(page, 'spectrum', 4);
}

/** The responses of the test's wave on the server, through the organiser's export. */
async function exported(): Promise<{ id: string; answers: Record<string, unknown> }[]> {
  const res = await fetch(`${server.url}/api/v1/surveys/sovereign-ai/responses.ndjson?wave=update-test`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  return (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; answers: Record<string, unknown> });
}

describe('a service-worker update while a respondent is halfway through', () => {
  it('keeps the draft (answers and step) through accepting the update, and the response completes', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/sovereign-ai?wave=update-test`);
    await waitForServiceWorker(page);

    await answerHalfway(page);
    await expect.poll(async () => (await draftOf(page))?.answers.spectrum, { timeout: 5000 }).toBeDefined();
    const before = (await draftOf(page))!;
    expect(before.step).toBe(3);

    publishNewServiceWorker();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.getByText('새 버전이 있습니다.').waitFor({ timeout: 30_000 });
    // One more answer and straight to the update: whichever saves it (the debounced saver, the
    // flush before skipWaiting, or pagehide), it must be in the draft after the reload.
    await slide(page, 'spectrum', 1);
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '업데이트', exact: true }).click();
    await reloaded;

    await page.getByRole('heading', { name: '방향과 우선순위' }).waitFor();
    expect(await page.evaluate(() => caches.has('stance-update-marker'))).toBe(true); // the new worker runs
    const after = (await draftOf(page))!;
    const expected = { ...before.answers, spectrum: (before.answers.spectrum as number) + 1 };
    expect({ id: after.responseId, step: after.step, answers: after.answers }).toEqual({ id: before.responseId, step: before.step, answers: expected });
    expect(await page.locator('#q-spectrum input[type=range]').inputValue()).toBe(String(expected.spectrum));

    await allocate(page, 'allocation', [30, 10, 10, 20, 10, 10, 10]);
    await rank(page, 'ranking', ['제조업', '교육', '의료']);
    await pick(page, 'path', '둘을 함께');
    await press(page, '다음');
    await press(page, '검토');
    await press(page, '제출하기');
    await page.getByRole('heading', { name: '감사합니다' }).waitFor();
    await expect.poll(async () => (await exported()).map((r) => r.id), { timeout: 30_000 }).toEqual([before.responseId]);
    const [stored] = await exported();
    expect(stored!.answers).toMatchObject({ ...expected, path: 'both', ranking: ['manufacturing', 'education', 'health'] });
    await context.close();
  });
});
