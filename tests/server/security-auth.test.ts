import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TOKEN, setup } from './helpers';

// The real timingSafeEqual, watched: the test checks the code path (what is compared), not the timing.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const compare = vi.mocked(crypto.timingSafeEqual);

beforeEach(() => {
  compare.mockClear();
});

describe('the organiser token check', () => {
  it.each([
    ['shorter', 'x'],
    ['longer', `${TOKEN}${'y'.repeat(500)}`],
    ['same length, one character off', `${TOKEN.slice(0, -1)}X`],
    ['right', TOKEN],
  ])('compares SHA-256 digests of equal length with timingSafeEqual (%s token), never throwing', async (_, sent) => {
    const { app, logs } = await setup();
    const res = await app.request('/api/v1/surveys/poll/overview', { headers: { Authorization: `Bearer ${sent}` } });
    expect(res.status).toBe(sent === TOKEN ? 200 : 401);
    expect(compare).toHaveBeenCalledTimes(1);
    const [a, b] = compare.mock.calls[0]! as [Buffer, Buffer];
    expect([a.length, b.length]).toEqual([32, 32]);
    expect(Buffer.from(a).equals(sha256(sent))).toBe(true);
    expect(Buffer.from(b).equals(sha256(TOKEN))).toBe(true);
    expect(logs).toEqual([]);
  });

  it('never compares when there is no bearer token to compare', async () => {
    const { app } = await setup();
    for (const authorization of ['', 'Basic abc', 'Bearer', `Bearer ${TOKEN} extra`]) {
      expect((await app.request('/api/v1/surveys/poll/overview', { headers: { Authorization: authorization } })).status).toBe(401);
    }
    expect(compare).not.toHaveBeenCalled();
  });
});
