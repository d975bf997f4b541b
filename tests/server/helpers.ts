import { randomFillSync } from 'node:crypto';
import { OTHER_WAVES } from '../../src/core/disclosure';
import { uuidv7 } from '../../src/core/ids';
import type { Response as SurveyResponse } from '../../src/core/response';
import type { Survey } from '../../src/core/survey';
import { createApp } from '../../src/server/app';
import type { AppConfig } from '../../src/server/config';
import { appConfig } from '../../src/server/config';
import type { Hono } from 'hono';
import type { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/types';
import { type Engine, openTestStore } from '../support/engines';
import { pollSurvey, privateSurvey } from './fixtures/surveys';

export const TOKEN = 'organiser-secret-token';
export const AUTH = { Authorization: `Bearer ${TOKEN}` };

type SetupOptions = { config?: Partial<AppConfig>; surveys?: Survey[]; clock?: () => number; engine?: Engine };
export type Setup<S extends Store> = { app: Hono; store: S; logs: string[]; close(): Promise<void> };

/** An app on a fresh store (in-memory SQLite unless `engine` says otherwise) with the fixture surveys, rate limits off unless given. */
export async function setup(options?: SetupOptions & { engine?: 'sqlite' }): Promise<Setup<SqliteStore>>;
export async function setup(options: SetupOptions): Promise<Setup<Store>>;
export async function setup(options: SetupOptions = {}): Promise<Setup<Store>> {
  const clock = options.clock ?? Date.now;
  const { store, close } = await openTestStore(options.engine ?? 'sqlite', { clock });
  for (const survey of options.surveys ?? [pollSurvey, privateSurvey]) await store.putSurvey(survey);
  const logs: string[] = [];
  const config = appConfig({ adminToken: TOKEN, rateLimit: false, log: (m) => logs.push(m), ...options.config });
  const app = createApp({ store, clock, config });
  return { app, store, logs, close };
}

let tick = Date.parse('2025-06-01T09:00:00.000Z');

/** A fresh v7 id, later than the previous one. */
export function newId(): string {
  return uuidv7((tick += 1), (bytes) => randomFillSync(bytes));
}

/** A valid poll response; `overrides` replace top-level fields, `answers` merge into the answers. */
export function pollResponse(overrides: Partial<SurveyResponse> = {}, answers: Record<string, unknown> = {}): SurveyResponse {
  return {
    id: newId(),
    surveyId: 'poll',
    surveyVersion: 1,
    wave: 'open',
    channel: 'web',
    device: 'device-0001',
    locale: 'ko',
    startedAt: '2025-06-01T09:00:00.000Z',
    submittedAt: '2025-06-01T09:03:00.000Z',
    ...overrides,
    answers: { role: 'industry', agree: 4, spec: 2, budget: { a: 50, b: 30, c: 20 }, rank: ['y', 'x'], ...answers } as SurveyResponse['answers'],
  };
}

type App = Awaited<ReturnType<typeof setup>>['app'];

/** POSTs JSON and returns the status and parsed body. */
export async function postJson(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : undefined };
}

/** Submits responses through POST /responses. */
export function submit(app: App, responses: unknown[], headers: Record<string, string> = {}) {
  return postJson(app, '/api/v1/responses', { responses }, headers);
}

/** GETs a path and returns the status, headers and parsed JSON body (when there is one). */
export async function getJson(app: App, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : undefined };
}

/**
 * The tally wave a recount files each slug under: the stores pool the tallies of
 * unregistered slugs that have no rows of their own (store/wave-pool.ts).
 */
export async function tallyWaveOf(store: Store, surveyId: string): Promise<(slug: string) => string> {
  const pooled = new Set((await store.unregisteredWaves(surveyId)).filter((w) => w.pooled).map((w) => w.slug));
  return (slug) => (pooled.has(slug) ? OTHER_WAVES : slug);
}

/** Runs `body` on a fresh store of `engine` holding `surveys` (the poll by default), closed afterwards. */
export async function withStore(engine: Engine, body: (store: Store) => Promise<void>, surveys: Survey[] = [pollSurvey]): Promise<void> {
  const { store, close } = await openTestStore(engine);
  try {
    for (const survey of surveys) await store.putSurvey(survey);
    await body(store);
  } finally {
    await close();
  }
}
