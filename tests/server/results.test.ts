import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Response as SurveyResponse } from '../../src/core/response';
import type { ResultsSnapshot } from '../../src/core/results';
import { groupOf, ResultsSnapshotSchema } from '../../src/core/results';
import { addResponse, emptyTally } from '../../src/core/tally';
import type { Tally } from '../../src/core/tally';
import { pollAnswers } from './fixtures/answers';
import { pollSurvey } from './fixtures/surveys';
import type { Store } from '../../src/server/store/types';
import { ENGINES } from '../support/engines';
import { AUTH, getJson, newId, pollResponse, setup, submit, tallyWaveOf } from './helpers';

const roles = ['industry', 'government', 'academia'] as const;

describe('GET /api/v1/surveys/:id/results', () => {
  it('returns a snapshot with count, ETag and 304 when unchanged', async () => {
    const { app } = await setup();
    await submit(app, Array.from({ length: 6 }, () => pollResponse()));
    const first = await getJson(app, '/api/v1/surveys/poll/results');
    expect(first.status).toBe(200);
    expect(ResultsSnapshotSchema.parse(first.body).count).toBe(6);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const same = await app.request('/api/v1/surveys/poll/results', { headers: { 'If-None-Match': etag } });
    expect(same.status).toBe(304);
    await submit(app, [pollResponse()]);
    const changed = await getJson(app, '/api/v1/surveys/poll/results', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.count).toBe(7);
  });

  it('applies wave, channel and group filters and reads a given version', async () => {
    const { app } = await setup();
    await submit(app, [
      ...Array.from({ length: 5 }, () => pollResponse({ wave: 'morning', channel: 'conference' }, { role: 'government' })),
      ...Array.from({ length: 6 }, () => pollResponse({ wave: 'field-1', channel: 'field' })),
    ]);
    // The organiser's team: the public sees neither unregistered waves nor groups under 10 (disclosure.ts).
    const byWave = await getJson(app, '/api/v1/surveys/poll/results?wave=morning', AUTH);
    expect(byWave.body).toMatchObject({ count: 5, filters: { wave: 'morning' } });
    expect((await getJson(app, '/api/v1/surveys/poll/results?channel=field', AUTH)).body.count).toBe(6);
    expect((await getJson(app, '/api/v1/surveys/poll/results?group=government', AUTH)).body.count).toBe(5);
    expect((await getJson(app, '/api/v1/surveys/poll/results?version=1&group=academia', AUTH)).body.count).toBeNull();
    expect((await getJson(app, '/api/v1/surveys/poll/results?version=7')).status).toBe(404);
    for (const bad of ['channel=tv', 'wave=Bad!', 'version=x', 'group=../x']) {
      expect((await getJson(app, `/api/v1/surveys/poll/results?${bad}`)).status).toBe(400);
    }
  });

  it('shows groups side by side, withholds those with fewer than 5, and leaves out a small group rather than hide a second', async () => {
    const { app } = await setup();
    await submit(app, [
      ...Array.from({ length: 6 }, () => pollResponse({}, { role: 'industry', agree: 5 })),
      ...Array.from({ length: 5 }, () => pollResponse({}, { role: 'government', agree: 3 })),
      ...Array.from({ length: 2 }, () => pollResponse({}, { role: 'academia', agree: 1 })),
    ]);
    const organiser = (await getJson(app, '/api/v1/surveys/poll/results', AUTH)).body as ResultsSnapshot;
    // Academia's 2 alone are small: shown beside the whole they would be its difference, so
    // they are left out of every figure, and government's 5 stay shown.
    expect(organiser).toMatchObject({ count: 11, leftOut: 2 });
    expect(organiser.groups).toEqual([
      expect.objectContaining({ group: 'industry', withheld: false, count: 6 }),
      expect.objectContaining({ group: 'government', withheld: false, count: 5 }),
      { group: 'academia', withheld: true, count: null },
    ]);
    expect(JSON.stringify(organiser.groups[2])).not.toContain('agree');
    // The public's floor for groups is 10: all three withheld, 13 together, the whole shown.
    const open = (await getJson(app, '/api/v1/surveys/poll/results')).body as ResultsSnapshot;
    expect(open.count).toBe(13);
    expect(open.leftOut).toBeUndefined();
    expect(open.groups.map((g) => g.count)).toEqual([null, null, null]);
  });

  it('is for the organiser only when the survey does not make results public', async () => {
    const { app } = await setup();
    expect((await getJson(app, '/api/v1/surveys/private/results')).status).toBe(401);
    expect((await getJson(app, '/api/v1/surveys/private/results', { Authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await getJson(app, '/api/v1/surveys/private/results', AUTH);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('answers 404 for an unknown survey', async () => {
    const { app } = await setup();
    const res = await getJson(app, '/api/v1/surveys/nope/results');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

/** Recount from the raw rows, the way an auditor would: every stored response, added up again. */
async function recount(store: Store): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  const waveOf = await tallyWaveOf(store, 'poll');
  for await (const { response: r } of store.responses('poll', {})) {
    const key = [waveOf(r.wave), r.channel, groupOf(pollSurvey, r.answers)].join('|');
    out.set(key, addResponse(out.get(key) ?? emptyTally(), pollSurvey, r.answers));
  }
  return out;
}

describe.each(ENGINES)('tallies equal a recount from the raw rows on %s', (engine) => {
  it('after random batches with duplicates, conflicts, invalid items and deletes', async () => {
    const item = fc.record({
      answers: pollAnswers,
      // Slugs nobody registered: some reach 5 and leave the pool, some stay in it, some are deleted from it.
      wave: fc.constantFrom('open', 'am', 'pm', 'tiny'),
      channel: fc.constantFrom('conference', 'field', 'web' as const),
      twist: fc.constantFrom('none', 'none', 'none', 'resend', 'conflict', 'invalid', 'delete'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(item, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        const { app, store, close } = await setup({ engine });
        const sent: SurveyResponse[] = [];
        for (const batch of batches) {
          const items = batch.map((i) => {
            if (i.twist === 'resend' && sent.length) return sent[sent.length - 1]!;
            if (i.twist === 'conflict' && sent.length) return { ...sent[0]!, answers: { ...sent[0]!.answers, agree: 6 - (sent[0]!.answers.agree as number) || 1 } };
            if (i.twist === 'invalid') return { ...pollResponse(), answers: { ...i.answers, agree: 0 } };
            return { ...pollResponse({ id: newId(), wave: i.wave, channel: i.channel }), answers: i.answers };
          });
          await submit(app, items);
          sent.push(...items.filter((r) => (r.answers.agree as number) > 0));
          for (const i of batch) if (i.twist === 'delete' && sent.length) await store.deleteResponse('poll', sent[0]!.id);
        }
        const expected = await recount(store);
        const actual = new Map((await store.tallyRows('poll', 1)).map((row) => [[row.wave, row.channel, row.group].join('|'), row.tally]));
        expect(actual).toEqual(expected);
        const { body } = await getJson(app, '/api/v1/surveys/poll/results', AUTH);
        const total = [...expected.values()].reduce((n, t) => n + t.count, 0);
        // Responses are counted, or left out as too small to count, never lost.
        const counted = total - body.leftOut;
        expect(body.leftOut).toBeGreaterThanOrEqual(0);
        expect(body.count).toBe(counted >= 5 ? counted : null);
        // Nothing is left out when every wave, channel and group holds 5 or more.
        const margins = new Map<string, number>();
        for (const [key, t] of expected) key.split('|').forEach((k, d) => margins.set(`${d}:${k}`, (margins.get(`${d}:${k}`) ?? 0) + t.count));
        if ([...margins.values()].every((n) => n >= 5)) expect(body.leftOut).toBe(0);
        await close();
      }),
      { numRuns: engine === 'sqlite' ? 40 : 25 },
    );
    // Each run opens a fresh store (a database of its own on PostgreSQL), slow on a loaded machine.
  }, 120_000);

  it('gives the same figures as a direct computation from the raw answers', async () => {
    const { app } = await setup({ engine });
    const sample = fc.sample(pollAnswers, { numRuns: 60, seed: 7 });
    await submit(app, sample.map((answers) => ({ ...pollResponse(), answers })));
    const { body } = await getJson(app, '/api/v1/surveys/poll/results');
    const agree = sample.map((a) => a.agree as number);
    expect(body.overall.questions.agree.mean).toBeCloseTo(agree.reduce((s, x) => s + x, 0) / agree.length, 4);
    for (const role of roles) {
      const n = sample.filter((a) => a.role === role).length;
      const group = body.groups.find((g: { group: string }) => g.group === role);
      if (n >= 5) expect(group).toMatchObject({ withheld: false, count: n });
      else if (n > 0) expect(group).toEqual({ group: role, withheld: true, count: null });
    }
    const firsts = sample.filter((a) => (a.rank as string[])[0] === 'x').length;
    expect(body.overall.questions.rank.options.x.firstShare).toBeCloseTo(firsts / sample.length, 4);
    const comments = sample.filter((a) => a.why !== undefined).length;
    expect(body.overall.questions.why.n).toBe(comments);
  });
});
