import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, MergedRows, NO_GROUP, ResultsSnapshotSchema, snapshotFromSums, type ResultsFilters, type TallyRow } from '../../src/core/results';
import type { Survey } from '../../src/core/survey';
import { addResponse, emptyTally } from '../../src/core/tally';
import { buildWeightedSnapshot, weightedSnapshotFromSums, weightingCells } from '../../src/core/weighted-results';
import { respondentsOf, rowsOf, sharesArb, survey, weigh, weightedAverage, type Respondent } from './weighting-helpers';

const base = { filters: {}, waves: [], generatedAt: 't' };
const weighted = (rows: TallyRow[], shares: Record<string, number>, filters: ResultsFilters = {}) => buildWeightedSnapshot({ survey, rows, ...base, filters, shares });

/** `n` respondents of a group in one wave and channel, likert answers cycling from `start`. */
const people = (group: string, n: number, start = 1, wave = 'w1', channel = 'web'): Respondent[] =>
  Array.from({ length: n }, (_, i) => ({ group, wave, channel, answers: { role: group, agree: 1 + ((start - 1 + i) % 5), spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] } }));

const agreeMean = (segment: { withheld: boolean; questions?: Record<string, unknown> }) =>
  (segment.questions?.agree as { mean: number | null } | undefined)?.mean;

/** A snapshot without its groups and without the segment question's figures, for comparing what else it shows. */
function withoutRole(snapshot: ReturnType<typeof weighted>): unknown {
  const strip = <T extends { withheld: boolean }>(segment: T) => {
    if (!('questions' in segment)) return segment;
    const { role: _, ...questions } = segment.questions as Record<string, unknown>;
    return { ...segment, questions };
  };
  return { ...snapshot, groups: [], overall: strip(snapshot.overall), waves: snapshot.waves.map(strip), channels: snapshot.channels.map(strip) };
}

describe('the weighted snapshot', () => {
  it('has the unweighted shape plus weighting, passes the schema, and keeps the groups as they are', () => {
    const rows = rowsOf([...people('industry', 12), ...people('government', 8, 3), ...people('academia', 6, 5, 'w2', 'field')]);
    const shares = { industry: 0.5, government: 0.3, academia: 0.2 };
    const snapshot = weighted(rows, shares);
    const plain = buildSnapshot({ survey, rows, ...base });
    expect(ResultsSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(Object.keys(snapshot).sort()).toEqual([...Object.keys(plain), 'weighting'].sort());
    expect(snapshot.groups).toEqual(plain.groups);
    expect(snapshot.weighting).toMatchObject({ shares, excluded: [] });
    expect(snapshot.waves.map((w) => w.wave)).toEqual(plain.waves.map((w) => w.wave));
  });

  it('names groups without a share as excluded and leaves their responses out of figures and counts', () => {
    const respondents = [...people('industry', 10), ...people('government', 7, 4), ...people('academia', 9, 2)];
    const snapshot = weighted(rowsOf(respondents), { industry: 0.6, government: 0.4 });
    const without = weighted(rowsOf(respondents.filter((r) => r.group !== 'academia')), { industry: 0.6, government: 0.4 });
    expect(snapshot.weighting!.excluded).toEqual(['academia']);
    expect(snapshot.count).toBe(17);
    expect(snapshot.overall).toEqual(without.overall.withheld ? without.overall : { ...without.overall, excluded: ['academia'] });
  });

  it('excludes responses that name no group, under the sentinel', () => {
    const rows = [...rowsOf(people('industry', 6)), { ...rowsOf(people('government', 5))[0]!, group: NO_GROUP }];
    expect(weighted(rows, { industry: 1 }).weighting).toMatchObject({ excluded: [NO_GROUP], effectiveN: 6 });
  });

  it('pools the groups a segment withholds into one cell with the sum of their shares', () => {
    // government (3) and academia (4) are withheld unweighted: 7 together, so no secondary suppression.
    const respondents = [...people('industry', 20), ...people('government', 3, 5), ...people('academia', 4, 1)];
    const snapshot = weighted(rowsOf(respondents), { industry: 0.5, government: 0.3, academia: 0.2 });
    const pooled = respondents.filter((r) => r.group !== 'industry').map((r) => ({ ...r, group: 'pool' }));
    const direct = weightedAverage(weigh([...respondents.filter((r) => r.group === 'industry'), ...pooled], { industry: 0.5, pool: 0.5 }), (a) => a.agree as number);
    expect(agreeMean(snapshot.overall as never)).toBeCloseTo(direct!, 4);
    expect(snapshot.weighting!.effectiveN).toBeCloseTo(1 / (0.25 / 20 + 0.25 / 7), 3);
  });

  it('gives figures that reveal nothing about the withheld groups beyond what the unweighted snapshot shows', () => {
    // Any two samples alike in their shown groups and in the pooled tally of their withheld
    // ones give the same weighted figures, however the withheld responses split between
    // groups. The segment question itself (role) is left aside: its counts are the group
    // sizes, which the unweighted snapshot shows too (the suppression audit's business).
    const withheld = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 8 });
    fc.assert(
      fc.property(withheld, fc.integer({ min: 1, max: 4 }), sharesArb, (values, split, shares) => {
        const cut = Math.min(split, values.length - 1, 4);
        const answer = (group: string, agree: number): Respondent => ({ group, wave: 'w1', channel: 'web', answers: { role: group, agree, spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] } });
        const shown = people('industry', 12);
        const one = [...values.slice(0, cut).map((v) => answer('government', v)), ...values.slice(cut).map((v) => answer('academia', v))];
        const other = [...values.slice(0, cut).map((v) => answer('academia', v)), ...values.slice(cut).map((v) => answer('government', v))].reverse();
        fc.pre(values.length - cut < 5);
        const a = weighted(rowsOf([...shown, ...one]), shares);
        const b = weighted(rowsOf([...shown, ...other]), shares);
        expect(a.groups.filter((g) => g.group !== 'industry').every((g) => g.withheld)).toBe(true);
        expect(withoutRole(a)).toEqual(withoutRole(b));
      }),
      { numRuns: 100 },
    );
  });

  it('excludes a whole pool when one of its groups has no share, naming every group in it', () => {
    const respondents = [...people('industry', 20), ...people('government', 3), ...people('academia', 4)];
    const snapshot = weighted(rowsOf(respondents), { industry: 0.7, government: 0.3 });
    expect(snapshot.weighting!.excluded).toEqual(['government', 'academia']);
    expect(snapshot.count).toBe(20);
    expect(weightingCells(survey, new MergedRows({}).update(rowsOf(respondents)).byGroup, { industry: 0.7, government: 0.3 }).cells).toHaveLength(1);
  });

  it('weights every wave and channel by the groups inside it', () => {
    const respondents = [
      ...people('industry', 10, 1, 'w1', 'web'), ...people('government', 5, 5, 'w1', 'field'),
      ...people('industry', 5, 2, 'w2', 'web'), ...people('government', 10, 4, 'w2', 'web'),
    ];
    const shares = { industry: 0.5, government: 0.5 };
    const snapshot = weighted(rowsOf(respondents), shares);
    const direct = (keep: (r: Respondent) => boolean) => weightedAverage(weigh(respondents.filter(keep), shares), (a) => a.agree as number)!;
    const [w1, w2] = snapshot.waves;
    expect(agreeMean(w1 as never)).toBeCloseTo(direct((r) => r.wave === 'w1'), 4);
    expect(agreeMean(w2 as never)).toBeCloseTo(direct((r) => r.wave === 'w2'), 4);
    const web = snapshot.channels.find((c) => c.channel === 'web')!;
    expect(agreeMean(web as never)).toBeCloseTo(direct((r) => r.channel === 'web'), 4);
    expect(agreeMean(snapshot.overall as never)).toBeCloseTo(direct(() => true), 4);
  });

  it('withholds what the unweighted snapshot withholds, and more where weighted counts fall short', () => {
    const respondents = [
      ...people('industry', 20, 1, 'w1'), ...people('industry', 3, 1, 'w2'),
      ...people('government', 6, 1, 'w3'), ...people('academia', 8, 1, 'w4'),
    ];
    const plain = buildSnapshot({ survey, rows: rowsOf(respondents), ...base });
    const snapshot = weighted(rowsOf(respondents), { industry: 0.5, government: 0.5 });
    const hidden = (s: typeof plain) => s.waves.filter((w) => w.withheld).map((w) => w.wave);
    for (const wave of hidden(plain)) expect(hidden(snapshot)).toContain(wave);
    // w4 holds only academia, which has no share: nothing to weight, so it is withheld, and
    // w2 (3 responses) with it leaves a hidden total of 3, so the smallest shown (w3) goes too.
    expect(hidden(plain)).toEqual(['w2', 'w3']);
    expect(hidden(snapshot)).toEqual(['w2', 'w3', 'w4']);
  });

  it('withholds the whole and says nothing of its weighting when fewer than five are weighted', () => {
    const snapshot = weighted(rowsOf([...people('industry', 4), ...people('government', 9)]), { industry: 1 });
    expect(snapshot.count).toBeNull();
    expect(snapshot.overall).toEqual({ withheld: true, count: null });
    expect(snapshot.weighting).toEqual({ shares: { industry: 1 }, effectiveN: null, excluded: [] });
  });

  it('kept up to date row by row, gives the same weighted snapshot as summing every row afresh', () => {
    fc.assert(
      fc.property(
        fc.tuple(respondentsOf('industry', 0, 12), respondentsOf('government', 0, 12), respondentsOf('academia', 0, 8)),
        fc.tuple(respondentsOf('industry', 0, 6), respondentsOf('academia', 0, 6)),
        sharesArb,
        fc.constantFrom<ResultsFilters>({}, { wave: 'w1' }, { channel: 'field' }, { group: 'industry' }),
        (before, more, shares, filters) => {
          const first = before.flat();
          const sums = new MergedRows(filters).update(rowsOf(first));
          const next = rowsOf([...first, ...more.flat()]);
          sums.update(next);
          const input = { survey, ...base, filters, shares };
          expect(weightedSnapshotFromSums({ ...input, sums })).toEqual(buildWeightedSnapshot({ ...input, rows: next }));
          expect(snapshotFromSums({ ...input, sums })).toEqual(buildSnapshot({ ...input, rows: next }));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('MergedRows by group inside waves and channels', () => {
  it('sums each wave and channel by group, and forgets what falls to nothing', () => {
    const row = (wave: string, channel: string, group: string, n: number): TallyRow => {
      const tally = emptyTally();
      for (let i = 0; i < n; i++) addResponse(tally, survey as Survey, { role: group, agree: 3, spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] });
      return { wave, channel, group, tally };
    };
    const sums = new MergedRows({}).update([row('w1', 'web', 'industry', 2), row('w1', 'field', 'industry', 3), row('w2', 'web', 'academia', 4)]);
    expect(sums.byWaveGroup.get('w1')!.get('industry')!.count).toBe(5);
    expect([...sums.byChannelGroup.get('web')!.keys()]).toEqual(['industry', 'academia']);
    sums.update([row('w1', 'web', 'industry', 2)]);
    expect([...sums.byWaveGroup.keys()]).toEqual(['w1']);
    expect([...sums.byChannelGroup.keys()]).toEqual(['web']);
    sums.update([]);
    expect([sums.byWaveGroup.size, sums.byChannelGroup.size]).toEqual([0, 0]);
  });
});
