import type { Response } from '../src/core/response';
import { uuidv7 } from '../src/core/ids';
import { sovereignAiSurvey } from '../src/core/surveys';

/** Where a generated response came from; everything else is random but valid. */
export type Origin = { wave?: string; channel?: Response['channel']; device?: string; now?: number; comment?: boolean };

const GROUPS = ['ai-industry', 'manufacturing', 'defense', 'culture', 'public', 'research', 'citizen', 'other'];
const POSITIONS = ['p-general-service', 'p-model-builders', 'p-defense', 'p-manufacturing', 'p-culture', 'p-public-finance', 'p-partnerships', 'p-data-first'];
const AREAS = ['general', 'models', 'defense', 'manufacturing', 'culture', 'public-finance', 'data'];
const SECTORS = ['defense', 'manufacturing', 'culture', 'public', 'finance', 'health', 'education'];
const PATHS = ['domestic', 'partnership', 'both', 'unsure'];

const pickOf = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
// Random bytes drawn 64 KiB at a time: one getRandomValues call per id was a quarter of the
// load generator's time, and the generator shares the two cores with the server it measures.
let pool = new Uint8Array(0);
let used = 0;
function randomBytes(bytes: Uint8Array): Uint8Array {
  if (used + bytes.length > pool.length) (pool = crypto.getRandomValues(new Uint8Array(65_536))), (used = 0);
  bytes.set(pool.subarray(used, (used += bytes.length)));
  return bytes;
}

/** 100 split in steps of 5 over the areas, as the allocation question requires. */
function allocation(): Record<string, number> {
  const out = Object.fromEntries(AREAS.map((a) => [a, 0]));
  for (let left = 20; left > 0; left--) out[pickOf(AREAS)]! += 5;
  return out;
}

/** Three distinct sectors in random order. */
function ranking(): string[] {
  const pool = [...SECTORS];
  return [0, 1, 2].map(() => pool.splice(Math.floor(Math.random() * pool.length), 1)[0]!);
}

/** A random device id of the shape the server accepts. */
export function deviceId(): string {
  return Array.from(randomBytes(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A complete, valid response to the built-in survey with a fresh UUID v7: load tests must
 * never repeat a body, or they measure only the duplicate path (DESIGN §5).
 */
export function makeResponse(origin: Origin = {}): Response {
  const now = origin.now ?? Date.now();
  const answers: Response['answers'] = { group: pickOf(GROUPS), spectrum: Math.floor(Math.random() * 11), allocation: allocation(), ranking: ranking(), path: pickOf(PATHS) };
  for (const p of POSITIONS) answers[p] = 1 + Math.floor(Math.random() * 5);
  if (origin.comment) answers.comment = '현장 의견: 데이터 확보가 먼저입니다.';
  return {
    id: uuidv7(now, randomBytes),
    surveyId: 'sovereign-ai',
    surveyVersion: sovereignAiSurvey.version,
    wave: origin.wave ?? 'open',
    channel: origin.channel ?? 'web',
    device: origin.device ?? deviceId(),
    locale: Math.random() < 0.8 ? 'ko' : 'en',
    startedAt: new Date(now - 180_000).toISOString(),
    submittedAt: new Date(now).toISOString(),
    answers,
  };
}

/** The body of POST /responses for `count` fresh responses from one device. */
export function submitBody(count: number, origin: Origin = {}): { device: string; body: string } {
  const device = origin.device ?? deviceId();
  const responses = Array.from({ length: count }, () => makeResponse({ ...origin, device }));
  return { device, body: JSON.stringify({ responses }) };
}
