import { midpoint } from './positions';
import { round } from './round';
import type { ConsensusItem, DivisiveItem, Figures, GroupFigures, PositionSummary } from './schema';

/**
 * Value counts for one Likert position: `overall[v - 1]` respondents answered v, and the
 * same per group. This is what tallies hold, so the server can feed consensus figures
 * without reading a single response.
 */
export type PositionCounts = {
  question: string;
  points: 5 | 7;
  overall: number[];
  groups: Record<string, number[]>;
};

/**
 * A value → count map (as a numeric tally keeps it, keys "1".."points") as the counts
 * array PositionCounts wants; values outside the scale are ignored.
 */
export function valueCounts(points: 5 | 7, counts: Record<string, number>): number[] {
  return Array.from({ length: points }, (_, i) => (Object.hasOwn(counts, String(i + 1)) ? counts[String(i + 1)]! : 0));
}

/** The small-n threshold and how far apart group means must be for a position to divide. */
export type ConsensusOptions = {
  /** Groups (and the overall figures) with fewer respondents are withheld: default 5. */
  minCount?: number;
  /** Least spread of group means, in scale points, for a divisive position: default 1. */
  minSpread?: number;
};

/** The consensus and division figures of every position, and the lists drawn from them. */
export type ConsensusReport = { positions: PositionSummary[]; consensus: ConsensusItem[]; divisive: DivisiveItem[] };

type Tally = { n: number; agree: number; disagree: number; mean: number };

function tally(counts: number[], points: number): Tally {
  const mid = midpoint(points);
  let n = 0, agree = 0, disagree = 0, sum = 0;
  counts.forEach((c, i) => {
    const value = i + 1;
    n += c;
    sum += c * value;
    if (value > mid) agree += c;
    if (value < mid) disagree += c;
  });
  return { n, agree, disagree, mean: n > 0 ? sum / n : mid };
}

const smoothed = (hits: number, n: number) => (hits + 1) / (n + 2);

function figures(t: Tally, minCount: number): Figures {
  if (t.n < Math.max(minCount, 1)) return { withheld: true };
  return {
    withheld: false,
    n: t.n,
    agree: t.agree,
    disagree: t.disagree,
    agreeShare: round(t.agree / t.n),
    disagreeShare: round(t.disagree / t.n),
    smoothedAgree: round(smoothed(t.agree, t.n)),
    smoothedDisagree: round(smoothed(t.disagree, t.n)),
    mean: round(t.mean),
  };
}

/**
 * Groups shown big enough, withheld beside small ones: when the groups under `minCount`
 * hold 1 to minCount−1 together, the overall figures minus the shown groups' would give
 * theirs away (issue 13), so the smallest shown group is withheld too.
 */
function complementary(groups: { group: string; t: Tally }[], minCount: number): Set<string> {
  const small = groups.filter((g) => g.t.n > 0 && g.t.n < minCount);
  const together = small.reduce((sum, g) => sum + g.t.n, 0);
  if (together === 0 || together >= minCount) return new Set();
  const smallest = groups.filter((g) => g.t.n >= minCount).sort((a, b) => a.t.n - b.t.n)[0];
  return new Set(smallest ? [smallest.group] : []);
}

/**
 * Figures for one position. Withheld groups take no part in the consensus product or the
 * spread: otherwise those derived figures would leak what was withheld. With no group to
 * report, the overall figures stand in as the one group.
 */
export function summarisePosition(input: PositionCounts, minCount = 5): PositionSummary {
  const overall = tally(input.overall, input.points);
  const groups = Object.entries(input.groups).map(([group, counts]) => ({ group, t: tally(counts, input.points) }));
  const hidden = complementary(groups, minCount);
  const reported = groups.filter((g) => g.t.n >= Math.max(minCount, 1) && !hidden.has(g.group));
  const base = reported.length > 0 ? reported.map((g) => g.t) : overall.n >= Math.max(minCount, 1) ? [overall] : [];
  const product = (pick: (t: Tally) => number) => (base.length === 0 ? 0 : base.reduce((acc, t) => acc * smoothed(pick(t), t.n), 1));
  // Rounded, so that the spread and sides match the means a reader sees.
  const means = reported.map((g) => round(g.t.mean));
  const mid = midpoint(input.points);
  return {
    question: input.question,
    points: input.points,
    overall: figures(overall, minCount),
    groups: groups.map((g): GroupFigures => ({ group: g.group, ...(hidden.has(g.group) ? { withheld: true as const } : figures(g.t, minCount)) })),
    consensus: { agree: round(product((t) => t.agree)), disagree: round(product((t) => t.disagree)) },
    spread: means.length >= 2 ? round(Math.max(...means) - Math.min(...means)) : null,
    opposite: means.some((m) => m > mid) && means.some((m) => m < mid),
  };
}

/** The figures a position's consensus rests on: the reported groups, else the overall ones. */
function baseFigures(summary: PositionSummary): Figures[] {
  const reported = summary.groups.filter((g) => !g.withheld);
  return reported.length > 0 ? reported : [summary.overall];
}

/**
 * Positions where a strict majority of every reported group stands on the same side,
 * strongest group-informed consensus first. (A strict majority is exactly "smoothed
 * share above one half", so the rule agrees with the smoothed figures.)
 */
export function consensusList(summaries: PositionSummary[]): ConsensusItem[] {
  const items: ConsensusItem[] = [];
  for (const s of summaries) {
    const base = baseFigures(s);
    if (base.some((f) => f.withheld)) continue;
    const all = (pick: (f: Figures & { withheld: false }) => number) =>
      base.every((f) => !f.withheld && pick(f) * 2 > f.n);
    if (all((f) => f.agree)) items.push({ question: s.question, type: 'agree', score: s.consensus.agree });
    else if (all((f) => f.disagree)) items.push({ question: s.question, type: 'disagree', score: s.consensus.disagree });
  }
  return items.sort((a, b) => b.score - a.score);
}

/**
 * Positions where group means sit on both sides of the midpoint at least `minSpread`
 * scale points apart, widest spread first; a reader can check it from the group means.
 */
export function divisiveList(summaries: PositionSummary[], minSpread = 1): DivisiveItem[] {
  const items: DivisiveItem[] = [];
  for (const s of summaries) {
    if (!s.opposite || s.spread === null || s.spread < minSpread) continue;
    const mid = midpoint(s.points);
    const side = (above: boolean) =>
      s.groups.flatMap((g) => (!g.withheld && (above ? g.mean > mid : g.mean < mid) ? [g.group] : []));
    items.push({ question: s.question, spread: s.spread, above: side(true), below: side(false) });
  }
  return items.sort((a, b) => b.spread - a.spread);
}

/** Consensus and division for every position, straight from value counts (tallies). */
export function consensusFromCounts(inputs: PositionCounts[], options: ConsensusOptions = {}): ConsensusReport {
  const positions = inputs.map((input) => summarisePosition(input, options.minCount));
  return { positions, consensus: consensusList(positions), divisive: divisiveList(positions, options.minSpread) };
}
