import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClient } from '../../src/client/client';
import { DB_VERSION } from '../../src/client/db';
import { createSyncEngine } from '../../src/client/sync';
import type { Response } from '../../src/core/response';
import { sovereignAiSurveyV1 } from '../../src/core/surveys';
import { launch, phone, readStore } from './browser';
import { makeResponse } from './data';
import { likert, press } from './respondent';
import { TEST_TOKEN, startServer, type TestServer } from './server';

/** What a device running the first release (database version 1) holds. */
type V1Fixture = { device: string; survey: unknown; outbox: Response[]; draft: Record<string, unknown> };

function v1Fixture(): V1Fixture {
  const device = 'v1device0000000001';
  const outbox = [makeResponse({ device, collector: 'Kim', channel: 'field', surveyVersion: 1 }), makeResponse({ device, surveyVersion: 1 })];
  const started = new Date().toISOString();
  const draft = {
    surveyId: 'sovereign-ai', surveyVersion: 1, responseId: makeResponse().id, startedAt: started, updatedAt: started, step: 3,
    answers: { ...outbox[1]!.answers, spectrum: 2 }, wave: 'open', channel: 'web', locale: 'ko',
  };
  return { device, survey: sovereignAiSurveyV1, outbox, draft };
}

/**
 * Writes a version 1 database exactly as the first release laid it out. The schema is a
 * frozen copy, not src/client/db.ts's first step: if someone edited that step, this
 * fixture would still be what devices in the field hold. Self-contained so it can run in a page.
 */
function createV1Database(factory: IDBFactory, fixture: V1Fixture): Promise<void> {
  return new Promise((done, fail) => {
    const request = factory.open('stance', 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('meta');
      db.createObjectStore('surveys', { keyPath: ['id', 'version'] });
      db.createObjectStore('drafts', { keyPath: 'surveyId' });
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('survey', ['surveyId', 'surveyVersion']);
      outbox.createIndex('collector', 'collector');
      const tx = request.transaction!;
      tx.objectStore('meta').put(fixture.device, 'device');
      tx.objectStore('meta').put('ko', 'setting:locale');
      tx.objectStore('surveys').put(fixture.survey);
      tx.objectStore('drafts').put(fixture.draft);
      for (const response of fixture.outbox) tx.objectStore('outbox').put(response);
    };
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      request.result.close();
      done();
    };
  });
}

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

async function stored(): Promise<Response[]> {
  const res = await fetch(`${server.url}/api/v1/surveys/sovereign-ai/responses.ndjson`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  return (await res.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Response);
}

describe('a device holding a version 1 database', () => {
  it('upgrades in Node (fake-indexeddb) with nothing lost, and its waiting responses sync', async () => {
    const fixture = v1Fixture();
    const factory = new IDBFactory();
    await createV1Database(factory, fixture);
    const client = await openClient({ idbFactory: factory });
    expect(await client.deviceId()).toBe(fixture.device);
    expect(await client.getSetting('locale')).toBe('ko');
    expect(await client.listOutbox()).toEqual(fixture.outbox);
    expect(await client.loadDraft('sovereign-ai')).toEqual(fixture.draft);
    expect(await client.getSurvey('sovereign-ai', 1)).toEqual(sovereignAiSurveyV1);
    expect((await client.counts()).byCollector).toEqual({ Kim: { outbox: 1, sent: 0 } });

    const report = await createSyncEngine(client, { baseUrl: server.url, locks: null }).sync();
    expect(report).toEqual({ stored: 2, duplicate: 0, rejected: 0, failed: 0 });
    expect(await client.counts()).toMatchObject({ outbox: 0, sent: 2, rejected: 0 });
    const onServer = new Map((await stored()).map((r) => [r.id, r]));
    for (const r of fixture.outbox) expect(onServer.get(r.id)).toEqual(r);
    client.close();
  });

  it('upgrades in Chromium when the app loads: the outbox syncs, and the version 1 draft is kept and carried onto version 2', async () => {
    const fixture = v1Fixture();
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/manifest.webmanifest`); // same origin, none of the app's code
    // Passed as source text: the function must arrive in the page exactly as written here.
    await page.evaluate(`(${createV1Database.toString()})(indexedDB, ${JSON.stringify(fixture)})`);
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([{ name: 'stance', version: 1 }]);

    await page.goto(`${server.url}/s/sovereign-ai`);
    // The app now offers version 2, so it asks before moving the version 1 draft onto it.
    await page.getByRole('alertdialog').waitFor();
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([{ name: 'stance', version: DB_VERSION }]);

    await expect.poll(async () => (await stored()).filter((r) => fixture.outbox.some((f) => f.id === r.id)).length, { timeout: 30_000 }).toBe(2);
    const onServer = new Map((await stored()).map((r) => [r.id, r]));
    for (const r of fixture.outbox) expect(onServer.get(r.id)).toEqual(r);
    await expect.poll(() => readStore(page, 'outbox'), { timeout: 15_000 }).toEqual([]);
    expect(((await readStore(page, 'sent')) as { response: Response }[]).map((s) => s.response).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(fixture.outbox);
    expect(await readStore(page, 'drafts')).toEqual([fixture.draft]);
    expect(await readStore(page, 'meta')).toEqual(expect.arrayContaining([fixture.device, 'ko']));

    await press(page, '이어서 하기');
    await press(page, '다음');
    // Version 2 reworded the defense position, so its version 1 answer stays behind and it is asked again.
    await page.locator('#q-p-defense').waitFor();
    expect(await page.locator('#q-p-defense input:checked').count()).toBe(0);
    await likert(page, 'p-defense', 4);
    await press(page, '다음');
    await page.getByRole('heading', { name: '방향과 우선순위' }).waitFor();
    expect(await page.locator('#q-spectrum input[type=range]').inputValue()).toBe('2');
    await context.close();
  });
});
