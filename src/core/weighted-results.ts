import { round } from './analysis/round';
import { allQuestions } from './questions';
import type { ResultsSnapshot, Segment, SnapshotInput, SumsInput } from './results';
import { MergedRows, MIN_SEGMENT, orderedGroups, snapshotFromSums, suppressedKeys } from './results';
import type { QuestionSummary } from './summary';
import type { Survey } from './survey';
import { addTally, emptyTally, type Tally } from './tally';
import { kishEffectiveN, weightedQuestion, type Shares, type WeightedCell } from './weighting';

/** The weighting cells of one segment, the raw sum of their tallies (read only), and the groups left out. */
export type Cells = { cells: WeightedCell[]; merged: Tally; excluded: string[] };

const WITHHELD = { withheld: true, count: null } as const;

/**
 * The weighting cells of one segment from its tallies by group. Each group that the
 * segment's own group breakdown would show is a cell; the groups it withholds (fewer than
 * MIN_SEGMENT, or withheld beside them) are pooled into one cell with the sum of their
 * shares. Weighted one by one, each would get its own weight, and the weighted and the
 * unweighted figures together would solve for the withheld groups' figures; pooled, the
 * weighted figures use nothing the unweighted ones do not already show. A group without a
 * share is excluded, and so is a pool with such a member, whole, for the same reason.
 * Groups with a share of 0 weigh nothing and are not counted. `whole`, the segment's tally
 * if the caller has it, stands in for the sum when every group is used, sparing the merges.
 */
export function weightingCells(
  survey: Pick<Survey, 'sections' | 'segmentBy'>,
  byGroup: Map<string, Tally> | undefined,
  shares: Shares,
  whole?: Tally,
): Cells {
  const groups = byGroup ? orderedGroups(survey, byGroup.keys()) : [];
  const tallyOf = (group: string) => byGroup!.get(group)!;
  const hidden = suppressedKeys(groups.map((g) => [g, tallyOf(g).count]));
  const hasShare = (group: string) => Object.hasOwn(shares, group);
  const candidates: { share: number; tally: Tally }[] = [];
  const excluded: string[] = [];
  for (const group of groups) {
    if (hidden.has(group)) continue;
    if (hasShare(group)) candidates.push({ share: shares[group]!, tally: tallyOf(group) });
    else excluded.push(group);
  }
  const pool = groups.filter((g) => hidden.has(g));
  if (pool.length > 0 && pool.every(hasShare)) {
    const tally = pool.reduce((sum, g) => addTally(sum, tallyOf(g)), emptyTally());
    candidates.push({ share: pool.reduce((s, g) => s + shares[g]!, 0), tally });
  } else {
    excluded.push(...pool);
  }
  const used = candidates.filter((c) => c.share > 0);
  const total = used.reduce((s, c) => s + c.share, 0);
  const everyGroup = whole !== undefined && excluded.length === 0 && used.length === candidates.length;
  return {
    cells: used.map((c) => ({ tally: c.tally, weight: c.share / total / c.tally.count })),
    merged: everyGroup ? whole : used.reduce((sum, c) => addTally(sum, c.tally), emptyTally()),
    excluded: orderedGroups(survey, excluded),
  };
}

/** A weighted segment and how many responses its weighted figures use (for suppression). */
type Weighed = { segment: Segment; included: number };

/**
 * One segment weighted. Withholding counts raw responses, as unweighted: the segment is
 * withheld if the unweighted one is or if fewer than MIN_SEGMENT responses are weighted,
 * and a question if it is withheld unweighted or 1–4 weighted responses answered it.
 */
function weightedSegment(survey: Survey, byGroup: Map<string, Tally> | undefined, shares: Shares, plain: Segment, whole?: Tally): Weighed {
  const { cells, merged, excluded } = weightingCells(survey, byGroup, shares, whole);
  if (plain.withheld || merged.count < MIN_SEGMENT) return { segment: { ...WITHHELD }, included: merged.count };
  // When every response is weighted, the unweighted summaries hold the raw counts already.
  const raw = merged === whole ? plain.questions : {};
  const questions: Record<string, QuestionSummary> = {};
  const withheldQuestions: string[] = [];
  for (const question of allQuestions(survey)) {
    const tally = merged.questions[question.id];
    const n = tally?.n ?? 0;
    if (plain.withheldQuestions.includes(question.id) || (n > 0 && n < MIN_SEGMENT)) withheldQuestions.push(question.id);
    else questions[question.id] = weightedQuestion(question, cells, tally, raw[question.id]);
  }
  const effectiveN = round(kishEffectiveN(cells.map((c) => ({ w: c.weight, n: c.tally.count }))));
  return { segment: { withheld: false, count: merged.count, questions, withheldQuestions, effectiveN, excluded }, included: merged.count };
}

/**
 * A breakdown (waves or channels) weighted segment by segment, each with its own tallies by
 * group. A segment withheld unweighted stays withheld, and secondary suppression runs again
 * on the weighted counts, since they differ from the raw ones where groups are excluded.
 */
function weightedBreakdown(
  survey: Survey,
  shares: Shares,
  plain: [string, Segment][],
  byKeyGroup: Map<string, Map<string, Tally>>,
  byKey: Map<string, Tally>,
): Map<string, Segment> {
  const weighed = plain.map(([key, segment]): [string, Weighed] => [key, weightedSegment(survey, byKeyGroup.get(key), shares, segment, byKey.get(key))]);
  const forced = new Set(weighed.filter(([, w]) => w.segment.withheld).map(([key]) => key));
  const hidden = suppressedKeys(weighed.map(([key, w]) => [key, w.included]), forced);
  return new Map(weighed.map(([key, w]) => [key, hidden.has(key) ? { ...WITHHELD } : w.segment]));
}

/** Input of `weightedSnapshotFromSums`: as `SumsInput`, with the population shares by group. */
export type WeightedSumsInput = SumsInput & { shares: Shares };

/**
 * The results snapshot post-stratified to `shares` (formulas in weighting.ts), from the
 * same sums as the unweighted one: the same shape, with `weighting` added and, on every
 * shown segment but the groups, `effectiveN` and `excluded`. Counts stay raw.
 */
export function weightedSnapshotFromSums(input: WeightedSumsInput): ResultsSnapshot {
  const { survey, sums, shares } = input;
  const plain = snapshotFromSums(input);
  const whole = [...sums.byChannel.values()].reduce((sum, t) => addTally(sum, t), emptyTally());
  const overall = weightedSegment(survey, sums.byGroup, shares, plain.overall, whole).segment;
  const waves = weightedBreakdown(survey, shares, plain.waves.map((w) => [w.wave, w]), sums.byWaveGroup, sums.byWave);
  const channels = weightedBreakdown(survey, shares, plain.channels.map((c) => [c.channel, c]), sums.byChannelGroup, sums.byChannel);
  const shown = overall.withheld ? undefined : overall;
  return {
    ...plain,
    count: overall.count,
    overall,
    waves: plain.waves.map((w) => ({ wave: w.wave, label: w.label, startsAt: w.startsAt, ...waves.get(w.wave)! })),
    channels: plain.channels.map((c) => ({ channel: c.channel, ...channels.get(c.channel)! })),
    weighting: { shares: { ...shares }, effectiveN: shown?.effectiveN ?? null, excluded: shown?.excluded ?? [] },
  };
}

/** The weighted snapshot straight from tally rows, as `buildSnapshot` is for the unweighted one. */
export function buildWeightedSnapshot({ rows, ...rest }: SnapshotInput & { shares: Shares }): ResultsSnapshot {
  return weightedSnapshotFromSums({ ...rest, sums: new MergedRows(rest.filters).update(rows) });
}
