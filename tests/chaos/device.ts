import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openClient, type Client } from '../../src/client/client';
import { createSyncEngine, type SyncEngine } from '../../src/client/sync';
import type { Response } from '../../src/core/response';
import { CHANNELS } from '../../src/core/response';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { validateResponse } from '../../src/core/validate';
import { randomAnswers } from './answers';

/** One simulated phone: its own IndexedDB, the real data layer and the real sync engine. */
export type Device = { name: string; client: Client; engine: SyncEngine; factory: IDBFactory; dbName: string; submitted: Response[] };

const WAVES = ['open', 'hall-a', 'hall-b'];

/**
 * A Web Lock of the device's own. Without one the engine falls back to a queue shared by
 * the whole process, which would make three phones take turns instead of racing.
 */
function ownLock(): LockManager {
  let tail: Promise<unknown> = Promise.resolve();
  const request = (_name: string, fn: () => Promise<unknown>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  return { request } as unknown as LockManager;
}

/** Opens a device that syncs to `baseUrl` with fast backoff, and starts its engine (retries on its own timer). */
export async function openDevice(index: number, baseUrl: string): Promise<Device> {
  const factory = new IDBFactory();
  const dbName = `chaos-device-${index}`;
  const client = await openClient({ idbFactory: factory, dbName });
  const engine = createSyncEngine(client, { baseUrl, backoff: { baseMs: 50, capMs: 2000 }, locks: ownLock(), timeoutMs: 10_000 });
  engine.start();
  return { name: `device-${index}`, client, engine, factory, dbName, submitted: [] };
}

/** Makes a valid response the way the app does (a fresh UUID v7 from the client), saves it, and nudges a sync. */
export async function submitOne(device: Device, random: () => number): Promise<void> {
  const { client } = device;
  const started = client.now();
  const response: Response = {
    id: client.newResponseId(),
    surveyId: sovereignAiSurvey.id,
    surveyVersion: sovereignAiSurvey.version,
    wave: WAVES[Math.floor(random() * WAVES.length)]!,
    channel: CHANNELS[Math.floor(random() * CHANNELS.length)]!,
    device: await client.deviceId(),
    locale: random() < 0.5 ? 'ko' : 'en',
    startedAt: started,
    submittedAt: client.now(),
    answers: randomAnswers(sovereignAiSurvey, random),
  };
  const issues = validateResponse(sovereignAiSurvey, response);
  if (issues.length) throw new Error(`generated an invalid response: ${JSON.stringify(issues)}`);
  const saved = await client.submitResponse(response);
  if (!saved.ok) throw saved.error;
  device.submitted.push(response);
  // As the app's syncSoon does after a submit; failures are the engine's to retry.
  void device.engine.sync();
}
