import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/server/store/sqlite';
import { AUTH, getJson, pollResponse, postJson, setup, submit } from './helpers';

const morning = { slug: 'morning', label: { ko: '오전 세션', en: 'Morning session' }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false };

describe('join codes', () => {
  it('gives every registered wave a code and a join link that keep through an update', async () => {
    const { app } = await setup({ config: { publicUrl: 'https://stance.example.org/' } });
    const first = await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, channel: 'field' }, AUTH);
    expect(first.status).toBe(201);
    expect(first.body.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(first.body.joinUrl).toBe(`https://stance.example.org/j/${first.body.code}`);
    // A code sent by the client is not how codes are chosen: the stored one stays.
    const again = await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, code: 'ZZZZZZ' }, AUTH);
    expect(again.body.code).toBe(first.body.code);
    const other = await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, slug: 'afternoon' }, AUTH);
    expect(other.body.code).not.toBe(first.body.code);
  });

  it('opens a wave by its code in any case, says when it is closed, and explains an unknown code', async () => {
    const { app } = await setup({ clock: () => Date.parse('2025-06-01T12:00:00.000Z') });
    const { body: wave } = await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, channel: 'field' }, AUTH);
    const joined = await getJson(app, `/api/v1/join/${wave.code.toLowerCase()}`);
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({
      code: wave.code, surveyId: 'poll', wave: 'morning', channel: 'field', label: morning.label,
      startsAt: morning.startsAt, closesAt: null, closed: false, oneResponsePerDevice: morning.oneResponsePerDevice,
    });
    await app.request('/api/v1/surveys/poll/waves/morning/close', { method: 'POST', headers: AUTH });
    expect((await getJson(app, `/api/v1/join/${wave.code}`)).body).toMatchObject({ closed: true, closesAt: '2025-06-01T12:00:00.000Z' });
    const { body: plain } = await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, slug: 'plain', label: 'Plain' }, AUTH);
    expect((await getJson(app, `/api/v1/join/${plain.code}`)).body).toMatchObject({ channel: 'conference', label: { ko: 'Plain', en: 'Plain' } });
    for (const unknown of ['AAAAAA', 'abc', '0O1IL0', `${wave.code}X`]) {
      const res = await getJson(app, `/api/v1/join/${unknown}`);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', details: { reason: 'unknown_code' } });
    }
  });

  it('upgrades waves stored before codes: labels in both languages, a code each', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'stance-waves-')), 'stance.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
      CREATE TABLE surveys (id TEXT, version INTEGER, json TEXT, content_hash TEXT, added_at TEXT, PRIMARY KEY (id, version));
      CREATE TABLE responses (id TEXT PRIMARY KEY, survey TEXT, version INTEGER, wave TEXT, channel TEXT, grp TEXT, submitted_at TEXT, received_at TEXT, device TEXT, content_hash TEXT, json TEXT);
      CREATE TABLE tallies (survey TEXT, version INTEGER, wave TEXT, channel TEXT, grp TEXT, count INTEGER, json TEXT, PRIMARY KEY (survey, version, wave, channel, grp));
      CREATE TABLE comments (response_id TEXT, question TEXT, survey TEXT, version INTEGER, wave TEXT, channel TEXT, grp TEXT, text TEXT, submitted_at TEXT, hidden INTEGER DEFAULT 0, PRIMARY KEY (response_id, question));
      CREATE TABLE waves (survey TEXT NOT NULL, slug TEXT NOT NULL, label TEXT NOT NULL, starts_at TEXT NOT NULL, closes_at TEXT, one_per_device INTEGER NOT NULL, PRIMARY KEY (survey, slug));
      INSERT INTO waves VALUES ('poll', 'am', 'Morning', '2025-06-01T09:00:00.000Z', NULL, 1), ('poll', 'pm', 'Afternoon', '2025-06-01T14:00:00.000Z', '2025-06-01T18:00:00.000Z', 0);`);
    old.close();
    const store = new SqliteStore(path);
    const waves = await store.listWaves('poll');
    expect(waves).toEqual([
      { slug: 'am', label: { ko: 'Morning', en: 'Morning' }, startsAt: '2025-06-01T09:00:00.000Z', closesAt: null, oneResponsePerDevice: true, code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/) },
      { slug: 'pm', label: { ko: 'Afternoon', en: 'Afternoon' }, startsAt: '2025-06-01T14:00:00.000Z', closesAt: '2025-06-01T18:00:00.000Z', oneResponsePerDevice: false, code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/) },
    ]);
    expect(waves[0]!.code).not.toBe(waves[1]!.code);
    expect((await store.findWaveByCode(waves[1]!.code))?.wave.slug).toBe('pm');
    await store.close();
  });
});

describe('deleting a wave’s responses', () => {
  const del = (app: Awaited<ReturnType<typeof setup>>['app'], slug: string) =>
    app.request(`/api/v1/surveys/poll/waves/${slug}/responses`, { method: 'DELETE', headers: AUTH });

  it('is refused with 409 conflict for a real wave and for one only seen in links, and deletes nothing', async () => {
    const { app } = await setup();
    await postJson(app, '/api/v1/surveys/poll/waves', morning, AUTH);
    await submit(app, [pollResponse({ wave: 'morning' }), pollResponse({ wave: 'unregistered' })]);
    for (const slug of ['morning', 'unregistered']) {
      const res = await del(app, slug);
      expect(res.status).toBe(409);
      const body = (await res.json()) as { error: { code: string; message: string; details: { reason: string } } };
      expect(body.error).toMatchObject({ code: 'conflict', details: { reason: 'not_test_wave' } });
      expect(body.error.message).toContain(`"${slug}" is not marked as a test wave`);
    }
    const overview = await getJson(app, '/api/v1/surveys/poll/overview', AUTH);
    expect(overview.body.total).toBe(2);
  });

  it('deletes a test wave’s responses, and refuses again once the wave is no longer marked as a test', async () => {
    const { app } = await setup();
    await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, slug: 'rehearsal', test: true }, AUTH);
    await submit(app, [pollResponse({ wave: 'rehearsal' }), pollResponse({ wave: 'rehearsal' }), pollResponse()]);
    const res = await del(app, 'rehearsal');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 2 });
    await postJson(app, '/api/v1/surveys/poll/waves', { ...morning, slug: 'rehearsal', test: false }, AUTH);
    expect((await del(app, 'rehearsal')).status).toBe(409);
  });
});
