import { randomBytes } from 'node:crypto';
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { uuidv7 } from '../../../src/core/ids';
import { sovereignAiSurvey } from '../../../src/core/surveys';
import { POSITIONS } from '../respondent';
import { TEST_TOKEN } from '../server';

/** What a generated response may vary: its group, wave, channel, one Likert value for all positions, a comment. */
export type ResponseSpec = { group: string; wave?: string; channel?: 'conference' | 'field' | 'web'; likert?: number; spectrum?: number; comment?: string };

/** A complete, valid response to the built-in survey's latest version, made as a phone would make it. */
export function makeResponse(spec: ResponseSpec): Record<string, unknown> {
  const now = new Date().toISOString();
  const answers: Record<string, unknown> = {
    group: spec.group,
    ...Object.fromEntries(POSITIONS.map((id) => [id, spec.likert ?? 4])),
    spectrum: spec.spectrum ?? 6,
    allocation: { general: 20, models: 10, defense: 30, manufacturing: 20, culture: 10, 'public-finance': 5, data: 5 },
    ranking: ['defense', 'manufacturing', 'culture'],
    path: 'both',
    ...(spec.comment ? { comment: spec.comment } : {}),
  };
  return {
    id: uuidv7(Date.now(), (b) => new Uint8Array(randomBytes(b.length))),
    surveyId: 'sovereign-ai',
    surveyVersion: sovereignAiSurvey.version,
    wave: spec.wave ?? 'open',
    channel: spec.channel ?? 'web',
    device: randomBytes(12).toString('hex'),
    locale: 'ko',
    startedAt: now,
    submittedAt: now,
    answers,
  };
}

/**
 * `expect.poll` with room to wait: on a machine shared with other test runs a page's
 * first live figures can take several seconds, past the default one.
 */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** Posts responses straight to the API, as the sync engine would; fails unless every one is stored. */
export async function postResponses(baseUrl: string, responses: Record<string, unknown>[]): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses }) });
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results.map((r) => r.status)).toEqual(responses.map(() => 'stored'));
}

/** An organiser-only API call with the test token. */
export function organiserFetch(baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/v1${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${TEST_TOKEN}` } });
}

/** Opens the organiser pages and signs in with the owner token `token`. */
export async function signIn(page: Page, baseUrl: string, token = TEST_TOKEN, path = '/organiser/surveys'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('details.org-owner-token summary').click();
  await page.locator('#org-token').fill(token);
  await page.locator('details.org-owner-token button[type=submit]').click();
}

/** Opens the organiser pages and signs in with a username and password. */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string, path = '/organiser/surveys'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('#org-username').fill(username);
  await page.locator('#org-password').fill(password);
  await page.locator('#org-password').press('Enter');
}

/** A session cookie for the owner, signed in with the owner token through the API, for a browser context to carry. */
export async function ownerSessionCookie(baseUrl: string): Promise<{ name: string; value: string; url: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl }, body: JSON.stringify({ token: TEST_TOKEN }) });
  const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0]!.split('=') as [string, string];
  expect(res.status).toBe(200);
  return { name, value, url: baseUrl };
}

/** Reads the QR code shown in `element` from a screenshot, as a phone camera would. */
export async function decodeQr(element: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/**
 * Saves a PNG of a page or an element into the folder named by `STANCE_SHOTS`, for
 * release notes and reviews; does nothing when it is unset, so test runs write nothing
 * outside the repository.
 */
export async function screenshot(target: Page | Locator, name: string, fullPage = true): Promise<void> {
  const dir = process.env.STANCE_SHOTS;
  if (!dir) return;
  await target.screenshot({ path: `${dir}/${name}.png`, ...('goto' in target ? { fullPage } : {}) });
}
