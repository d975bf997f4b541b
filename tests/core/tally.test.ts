import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/response';
import { buildSnapshot, MIN_SEGMENT, NO_GROUP, ResultsSnapshotSchema } from '../../src/core/results';
import type { TallyRow } from '../../src/core/results';
import { meanWithInterval, summariseQuestion, tQuantile95 } from '../../src/core/summary';
import { addResponse, emptyTally, mergeTallies, removeResponse } from '../../src/core/tally';
import type { Tally } from '../../src/core/tally';
import { pollAnswers } from '../server/fixtures/answers';
import { pollSurvey } from '../server/fixtures/surveys';

const tallyOf = (answers: Answers[]): Tally => answers.reduce((t, a) => addResponse(t, pollSurvey, a), emptyTally());

describe('tallies', () => {
  it('remove undoes add exactly', () => {
    fc.assert(
      fc.property(fc.array(pollAnswers, { maxLength: 20 }), pollAnswers, (before, extra) => {
        const t = tallyOf(before);
        const expected = structuredClone(t);
        removeResponse(addResponse(t, pollSurvey, extra), pollSurvey, extra);
        expect(t).toEqual(expected);
      }),
    );
  });

  it('merging the tallies of two halves equals the tally of the whole, in either order', () => {
    fc.assert(
      fc.property(fc.array(pollAnswers, { maxLength: 20 }), fc.array(pollAnswers, { maxLength: 20 }), (a, b) => {
        const whole = tallyOf([...a, ...b]);
        expect(mergeTallies(tallyOf(a), tallyOf(b))).toEqual(whole);
        expect(mergeTallies(tallyOf(b), tallyOf(a))).toEqual(whole);
      }),
    );
  });

  it('a difference of sums (a change taking some responses out and adding others, a shard row) keeps what does not cancel', () => {
    fc.assert(
      fc.property(fc.array(pollAnswers, { maxLength: 8 }), fc.array(pollAnswers, { maxLength: 8 }), fc.array(pollAnswers, { maxLength: 8 }), (kept, out, added) => {
        // The row held kept + out; one change takes `out` away and adds `added`, written as a delta of its own.
        const delta = emptyTally();
        for (const a of out) removeResponse(delta, pollSurvey, a);
        for (const a of added) addResponse(delta, pollSurvey, a);
        expect(mergeTallies(tallyOf([...kept, ...out]), delta)).toEqual(tallyOf([...kept, ...added]));
      }),
    );
  });

  it('merging leaves its inputs unchanged', () => {
    const a = tallyOf([{ role: 'industry', agree: 3, spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] }]);
    const copy = structuredClone(a);
    mergeTallies(a, a);
    expect(a).toEqual(copy);
  });
});

describe('summaries', () => {
  it('computes mean and a t-based 95% interval', () => {
    // 1..5: mean 3, sd sqrt(2.5), t(4) = 2.776
    const half = 2.776 * Math.sqrt(2.5 / 5);
    expect(meanWithInterval(5, 15, 55)).toEqual({ mean: 3, ci: [Math.round((3 - half) * 1e4) / 1e4, Math.round((3 + half) * 1e4) / 1e4] });
    expect(meanWithInterval(1, 4, 16)).toEqual({ mean: 4, ci: null });
    expect(meanWithInterval(0, 0, 0)).toEqual({ mean: null, ci: null });
    expect(tQuantile95(1000)).toBeCloseTo(1.9623, 3);
    expect(tQuantile95(40)).toBeCloseTo(2.0211, 3);
  });

  it('gives Borda scores and first-place shares for rankings', () => {
    const rank = pollSurvey.sections[1]!.questions.find((q) => q.id === 'rank')!;
    const t = tallyOf([
      { rank: ['x', 'y'] }, { rank: ['x', 'z'] }, { rank: ['y', 'x'] }, { rank: ['z', 'y'] },
    ] as Answers[]);
    const s = summariseQuestion(rank, t.questions.rank);
    expect(s).toMatchObject({
      kind: 'ranking',
      n: 4,
      options: {
        x: { points: 5, borda: 1.25, firstShare: 0.5, positions: [2, 1] },
        y: { points: 4, borda: 1, firstShare: 0.25, positions: [1, 2] },
        z: { points: 3, borda: 0.75, firstShare: 0.25, positions: [1, 1] },
      },
    });
  });

  it('gives counts and shares for choices, and means per allocation area', () => {
    const questions = pollSurvey.sections[1]!.questions;
    const t = tallyOf([
      { sectors: ['x', 'y'], budget: { a: 100, b: 0, c: 0 } }, { sectors: ['x'], budget: { a: 0, b: 50, c: 50 } },
    ] as Answers[]);
    expect(summariseQuestion(questions[0]!, t.questions.sectors)).toEqual({ kind: 'choice', n: 2, counts: { x: 2, y: 1 }, shares: { x: 1, y: 0.5, z: 0 } });
    const budget = summariseQuestion(questions[1]!, t.questions.budget);
    expect(budget).toMatchObject({ kind: 'allocation', n: 2, areas: { a: { mean: 50 }, b: { mean: 25 }, c: { mean: 25 } } });
  });
});

describe('results snapshots', () => {
  const rows = (specs: [string, string, string, number][]): TallyRow[] =>
    specs.map(([wave, channel, group, n]) => ({
      wave, channel, group,
      tally: tallyOf(Array.from({ length: n }, (_, i) => ({ role: group, agree: 1 + (i % 5), spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] }) as Answers)),
    }));

  it('withholds segments under the minimum, with no count or figures, leaving out keys too small to withhold alone', () => {
    const snapshot = buildSnapshot({
      survey: pollSurvey,
      rows: rows([['open', 'web', 'industry', 7], ['open', 'web', 'government', 2], ['open', 'field', 'academia', 4]]),
      filters: {}, waves: [], generatedAt: '2025-06-01T00:00:00.000Z',
    });
    expect(ResultsSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    // The field channel holds 4, the only small channel: the whole minus web would give it
    // away, so its responses are left out of every figure (no other segment is hidden for
    // it). That leaves government's 2 as the only small group, left out the same way.
    expect(snapshot.count).toBe(7);
    expect(snapshot.leftOut).toBe(6);
    expect(snapshot.groups).toEqual([
      expect.objectContaining({ group: 'industry', withheld: false, count: 7 }),
      { group: 'government', withheld: true, count: null },
      { group: 'academia', withheld: true, count: null },
    ]);
    expect(snapshot.channels).toEqual([
      { channel: 'field', withheld: true, count: null },
      expect.objectContaining({ channel: 'web', withheld: false, count: 7 }),
    ]);
  });

  it('withholds small keys that hold the minimum together, and leaves them in the whole', () => {
    const snapshot = buildSnapshot({
      survey: pollSurvey,
      rows: rows([['open', 'web', 'industry', 7], ['open', 'web', 'government', 2], ['open', 'web', 'academia', 4]]),
      filters: {}, waves: [], generatedAt: 'x',
    });
    // Government and academia are withheld, 6 together: the whole minus industry is 6 people, not one.
    expect(snapshot.count).toBe(13);
    expect(snapshot.groups.map((g) => [g.group, g.count])).toEqual([['industry', 7], ['government', null], ['academia', null]]);
  });

  it('withholds the whole snapshot when the filters leave fewer than the minimum', () => {
    const snapshot = buildSnapshot({
      survey: pollSurvey, rows: rows([['open', 'web', 'industry', MIN_SEGMENT - 1]]),
      filters: {}, waves: [], generatedAt: '2025-06-01T00:00:00.000Z',
    });
    expect(snapshot.count).toBeNull();
    expect(snapshot.overall).toEqual({ withheld: true, count: null });
  });

  it('withholds single questions that fewer than the minimum answered', () => {
    const r = rows([['open', 'web', 'industry', 6]]);
    addResponse(r[0]!.tally, pollSurvey, { role: 'industry', agree: 2, spec: 1, budget: { a: 0, b: 100, c: 0 }, rank: ['z', 'y'], why: 'hi' });
    const snapshot = buildSnapshot({ survey: pollSurvey, rows: r, filters: {}, waves: [], generatedAt: 'x' });
    if (snapshot.overall.withheld) throw new Error('expected figures');
    expect(snapshot.overall.withheldQuestions).toEqual(['why']);
    expect(snapshot.overall.questions.why).toBeUndefined();
    expect(snapshot.overall.questions.sectors).toEqual({ kind: 'choice', n: 0, counts: {}, shares: { x: 0, y: 0, z: 0 } });
  });

  it('orders waves by registered start for trends and applies filters to every breakdown', () => {
    const snapshot = buildSnapshot({
      survey: pollSurvey,
      rows: rows([['b-wave', 'web', 'industry', 5], ['a-wave', 'web', 'industry', 6], ['b-wave', 'field', 'industry', 5]]),
      filters: { channel: 'web' },
      waves: [
        { slug: 'b-wave', label: { ko: '오전', en: 'Morning' }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false },
        { slug: 'a-wave', label: { ko: '오후', en: 'Afternoon' }, startsAt: '2025-06-01T14:00:00.000Z', oneResponsePerDevice: false },
      ],
      generatedAt: 'x',
    });
    expect(snapshot.waves.map((w) => [w.wave, w.label, w.count])).toEqual([['b-wave', { ko: '오전', en: 'Morning' }, 5], ['a-wave', { ko: '오후', en: 'Afternoon' }, 6]]);
    expect(snapshot.count).toBe(11);
  });

  it('has no groups without segmentBy, and puts unanswered segment answers under the sentinel', () => {
    const { segmentBy: _, ...unsegmented } = pollSurvey;
    expect(buildSnapshot({ survey: unsegmented, rows: rows([['open', 'web', NO_GROUP, 5]]), filters: {}, waves: [], generatedAt: 'x' }).groups).toEqual([]);
  });
});

describe('addTally with sign -1', () => {
  it('takes out exactly what was added, leaving a tally equal to one that never saw it', async () => {
    const { addTally, emptyTally, addResponse } = await import('../../src/core/tally');
    const { sovereignAiSurvey: survey } = await import('../../src/core/surveys');
    const answers = (i: number) => ({ group: i % 2 ? 'defense' : 'culture', 'p-defense': 1 + (i % 5), spectrum: i % 11, allocation: { general: 50, defense: 50 }, ranking: ['defense', 'culture', 'health'], path: 'both', comment: 'x' });
    const base = emptyTally();
    for (let i = 0; i < 7; i++) addResponse(base, survey, answers(i));
    const extra = emptyTally();
    for (let i = 7; i < 10; i++) addResponse(extra, survey, answers(i));
    const before = structuredClone(base);
    addTally(base, extra);
    expect(base).not.toEqual(before);
    addTally(base, extra, -1);
    expect(base).toEqual(before);
    addTally(base, before, -1);
    expect(base).toEqual(emptyTally());
  });
});

describe('MergedRows', () => {
  it('kept up to date row by row gives the same snapshot as summing every row afresh', async () => {
    const { MergedRows, buildSnapshot, snapshotFromSums } = await import('../../src/core/results');
    const { disclosureFor } = await import('../../src/core/disclosure');
    const rule = (rows: TallyRow[]) => disclosureFor(rows, 'organiser');
    const { addResponse, emptyTally } = await import('../../src/core/tally');
    const { sovereignAiSurvey: survey } = await import('../../src/core/surveys');
    const row = (wave: string, channel: string, group: string, n: number) => {
      const tally = emptyTally();
      for (let i = 0; i < n; i++) addResponse(tally, survey, { group, 'p-defense': 1 + (i % 5), spectrum: i % 11, ranking: ['defense', 'culture', 'health'] });
      return { wave, channel, group, tally };
    };
    let rows = [row('d1', 'web', 'defense', 6), row('d1', 'field', 'culture', 7), row('d2', 'web', 'defense', 3)];
    for (const filters of [{}, { wave: 'd1' }, { group: 'defense' }]) {
      const sums = new MergedRows(filters).update(rows, rule(rows));
      const next = [row('d1', 'web', 'defense', 9), rows[1]!, row('d3', 'conference', 'public', 5)];
      sums.update(next, rule(next));
      const fresh = buildSnapshot({ survey, rows: next, filters, waves: [], generatedAt: 't' });
      expect(snapshotFromSums({ survey, sums, filters, waves: [], generatedAt: 't' })).toEqual(fresh);
    }
    rows = [];
    const first = [row('d1', 'web', 'defense', 6)];
    const empty = new MergedRows({}).update(first, rule(first)).update(rows, rule(rows));
    expect([empty.byGroup.size, empty.byWave.size, empty.byChannel.size]).toEqual([0, 0, 0]);
  });
});
