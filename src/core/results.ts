import { z } from 'zod/mini';
import { CHANNELS } from './response';
import { QuestionSummarySchema, summariseQuestion } from './summary';
import type { Survey } from './survey';
import { allQuestions } from './survey';
import { segmentGroups } from './questions';
import type { Tally } from './tally';
import { addTally, emptyTally } from './tally';
import type { WaveDefinition } from './waves';
import { WeightingSummarySchema } from './weighting';

/** Segments (and questions) answered by fewer than this many are withheld, so no one is singled out. */
export const MIN_SEGMENT = 5;
/** The group of responses to a survey without `segmentBy`, or that skipped that question. */
export const NO_GROUP = '_none';

const Count = z.int().check(z.gte(0));

const shown = {
  withheld: z.literal(false),
  count: Count,
  questions: z.record(z.string(), QuestionSummarySchema),
  /** Questions that fewer than MIN_SEGMENT answered in this segment: their figures are left out. */
  withheldQuestions: z.array(z.string()),
  /** Weighted snapshots only: Kish's effective n of the segment's weighted responses. */
  effectiveN: z.optional(z.number()),
  /** Weighted snapshots only: groups in this segment whose responses the weighted figures leave out. */
  excluded: z.optional(z.array(z.string())),
};
/** A withheld segment: "fewer than 5", with no figures and no exact count. */
const hidden = { withheld: z.literal(true), count: z.null() };

/** Builds the two variants of a segment with extra identifying fields. */
function segment<T extends z.core.$ZodLooseShape>(key: T) {
  return z.discriminatedUnion('withheld', [z.object({ ...key, ...shown }), z.object({ ...key, ...hidden })]);
}

/** The figures of one set of responses (the whole, a group, a wave or a channel), or its withholding. */
export const SegmentSchema = segment({});
export type Segment = z.infer<typeof SegmentSchema>;

/** Results for one survey version from the tallies, with breakdowns for side-by-side and trend views. */
export const ResultsSnapshotSchema = z.object({
  surveyId: z.string(),
  version: z.int(),
  generatedAt: z.string(),
  filters: z.object({ wave: z.optional(z.string()), channel: z.optional(z.string()), group: z.optional(z.string()) }),
  minSegment: z.int(),
  /** Responses included, or null when fewer than `minSegment` (then `overall` is withheld too). */
  count: z.nullable(Count),
  overall: SegmentSchema,
  /** Per stakeholder group (the `segmentBy` answer), in option order; empty without `segmentBy`. */
  groups: z.array(segment({ group: z.string() })),
  /** Per wave, registered waves by start time first, so the list reads as a trend. */
  waves: z.array(segment({ wave: z.string(), label: z.nullable(z.object({ ko: z.string(), en: z.string() })), startsAt: z.nullable(z.string()) })),
  channels: z.array(segment({ channel: z.string() })),
  /**
   * Present when the figures are weighted (weighted-results.ts): then every mean, interval
   * and share of `overall`, `waves` and `channels` is post-stratified, counts stay raw and
   * count only the responses the weighted figures use; `groups` are as unweighted, since
   * weighting by group changes nothing within a group.
   */
  weighting: z.optional(WeightingSummarySchema),
});
export type ResultsSnapshot = z.infer<typeof ResultsSnapshotSchema>;
/** Which responses a snapshot covers: any of wave, channel and stakeholder group. */
export type ResultsFilters = ResultsSnapshot['filters'];

/** One stored tally: the responses of one version × wave × channel × group. */
export type TallyRow = { wave: string; channel: string; group: string; tally: Tally };

/** The group a response belongs to: its answer to the survey's `segmentBy` question, else NO_GROUP. */
export function groupOf(survey: Pick<Survey, 'segmentBy'>, answers: Record<string, unknown>): string {
  const value = survey.segmentBy !== undefined && Object.hasOwn(answers, survey.segmentBy) ? answers[survey.segmentBy] : undefined;
  return typeof value === 'string' ? value : NO_GROUP;
}

/** Summarises merged tallies into a segment, withholding it (or some questions) below MIN_SEGMENT. */
export function summariseSegment(survey: Survey, tally: Tally): Segment {
  if (tally.count < MIN_SEGMENT) return { withheld: true, count: null };
  const questions: Record<string, z.infer<typeof QuestionSummarySchema>> = {};
  const withheldQuestions: string[] = [];
  for (const question of allQuestions(survey)) {
    const n = tally.questions[question.id]?.n ?? 0;
    if (n > 0 && n < MIN_SEGMENT) withheldQuestions.push(question.id);
    else questions[question.id] = summariseQuestion(question, tally.questions[question.id]);
  }
  return { withheld: false, count: tally.count, questions, withheldQuestions };
}

const rowKey = (row: TallyRow) => `${row.wave}\u0000${row.channel}\u0000${row.group}`;

/** Adds `tally` (or takes it out) under `key`, dropping sums that fall to no responses. */
function addUnder(sums: Map<string, Tally>, key: string, tally: Tally, sign: 1 | -1): void {
  const sum = addTally(sums.get(key) ?? emptyTally(), tally, sign);
  if (sum.count === 0) sums.delete(key);
  else sums.set(key, sum);
}

/** As `addUnder`, one level deeper: by `key`, then by `group` within it. */
function addUnderGroup(sums: Map<string, Map<string, Tally>>, key: string, group: string, tally: Tally, sign: 1 | -1): void {
  const inner = sums.get(key) ?? new Map<string, Tally>();
  addUnder(inner, group, tally, sign);
  if (inner.size === 0) sums.delete(key);
  else sums.set(key, inner);
}

/**
 * The sums of one view's tally rows by group, wave and channel, and by group within each
 * wave and each channel (what weighting by group needs), kept between reads. Tally rows
 * are never changed in place (a commit replaces a changed row with a new object), so
 * `update` adds in only the rows that are new objects since the last call and takes out
 * the ones they replace: a read right after one response costs a few merges, not one per
 * row and breakdown.
 */
export class MergedRows {
  readonly byGroup = new Map<string, Tally>();
  readonly byWave = new Map<string, Tally>();
  readonly byChannel = new Map<string, Tally>();
  /** Wave, then group: the per-group tallies inside each wave. */
  readonly byWaveGroup = new Map<string, Map<string, Tally>>();
  /** Channel, then group: the per-group tallies inside each channel. */
  readonly byChannelGroup = new Map<string, Map<string, Tally>>();
  private readonly seen = new Map<string, TallyRow>();

  constructor(private readonly filters: ResultsFilters) {}

  /** Brings the sums up to date with the survey version's current tally rows. */
  update(rows: TallyRow[]): this {
    const live = new Set<string>();
    for (const row of rows) {
      if (!this.matches(row)) continue;
      const key = rowKey(row);
      live.add(key);
      const old = this.seen.get(key);
      if (old?.tally === row.tally) continue;
      if (old) this.apply(old, -1);
      this.apply(row, 1);
      this.seen.set(key, row);
    }
    for (const [key, old] of this.seen) {
      if (live.has(key)) continue;
      this.apply(old, -1);
      this.seen.delete(key);
    }
    return this;
  }

  private matches(row: TallyRow): boolean {
    const f = this.filters;
    return (f.wave === undefined || row.wave === f.wave) && (f.channel === undefined || row.channel === f.channel) && (f.group === undefined || row.group === f.group);
  }

  private apply(row: TallyRow, sign: 1 | -1): void {
    addUnder(this.byGroup, row.group, row.tally, sign);
    addUnder(this.byWave, row.wave, row.tally, sign);
    addUnder(this.byChannel, row.channel, row.tally, sign);
    addUnderGroup(this.byWaveGroup, row.wave, row.group, row.tally, sign);
    addUnderGroup(this.byChannelGroup, row.channel, row.group, row.tally, sign);
  }
}

/** Groups in the order of the segment question's options, others (NO_GROUP) after them by name. */
export function orderedGroups(survey: Pick<Survey, 'sections' | 'segmentBy'>, seen: Iterable<string>): string[] {
  const order = segmentGroups(survey) ?? [];
  const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length);
  return [...seen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function orderedWaves(seen: Iterable<string>, waves: Map<string, WaveDefinition>): string[] {
  const start = (slug: string) => waves.get(slug)?.startsAt ?? '\uffff';
  return [...seen].sort((a, b) => start(a).localeCompare(start(b)) || a.localeCompare(b));
}

/** Input of `buildSnapshot`: the survey version, its tally rows, the filters and the registered waves. */
export type SnapshotInput = {
  survey: Survey;
  rows: TallyRow[];
  filters: ResultsFilters;
  waves: WaveDefinition[];
  generatedAt: string;
};

/** Input of `snapshotFromSums`: as `SnapshotInput`, with the rows already summed for the filters. */
export type SumsInput = Omit<SnapshotInput, 'rows'> & { sums: MergedRows };

/**
 * The keys a breakdown withholds, given each segment's count: those under MIN_SEGMENT and
 * any in `forced`. If the withheld ones together hold 1–4 responses, the whole minus the
 * shown ones would give their figures away, so the smallest shown segment is withheld too
 * (secondary suppression); then any difference covers at least MIN_SEGMENT responses.
 */
export function suppressedKeys(counts: [string, number][], forced: ReadonlySet<string> = new Set()): Set<string> {
  const hidden = new Set(counts.filter(([key, n]) => n < MIN_SEGMENT || forced.has(key)).map(([key]) => key));
  const hiddenCount = counts.reduce((sum, [key, n]) => sum + (hidden.has(key) ? n : 0), 0);
  if (hiddenCount > 0 && hiddenCount < MIN_SEGMENT) {
    const smallest = counts.filter(([key]) => !hidden.has(key)).sort(([, a], [, b]) => a - b)[0];
    if (smallest) hidden.add(smallest[0]);
  }
  return hidden;
}

const WITHHELD = { withheld: true, count: null } as const;

/** Segments for one breakdown, in `order`, withheld as `suppressedKeys` says. */
function breakdown(survey: Survey, merged: Map<string, Tally>, order: string[]): [string, Segment][] {
  const hidden = suppressedKeys(order.map((key) => [key, merged.get(key)!.count]));
  return order.map((key): [string, Segment] => [key, hidden.has(key) ? { ...WITHHELD } : summariseSegment(survey, merged.get(key)!)]);
}

/** The results snapshot: merges the matching tally rows at read time; never looks at responses. */
export function buildSnapshot({ rows, ...rest }: SnapshotInput): ResultsSnapshot {
  return snapshotFromSums({ ...rest, sums: new MergedRows(rest.filters).update(rows) });
}

/** The results snapshot from sums kept up to date by `MergedRows` (the server keeps one per view). */
export function snapshotFromSums({ survey, sums, filters, waves, generatedAt }: SumsInput): ResultsSnapshot {
  const { byGroup, byWave, byChannel } = sums;
  // Every row has one channel, so the channel sums add up to the whole: a few merges, not one per row.
  const overall = summariseSegment(survey, [...byChannel.values()].reduce((sum, t) => addTally(sum, t), emptyTally()));
  const registered = new Map(waves.map((w) => [w.slug, w]));
  return {
    surveyId: survey.id,
    version: survey.version,
    generatedAt,
    filters,
    minSegment: MIN_SEGMENT,
    count: overall.count,
    overall,
    groups: survey.segmentBy === undefined ? [] : breakdown(survey, byGroup, orderedGroups(survey, byGroup.keys())).map(([group, s]) => ({ group, ...s })),
    waves: breakdown(survey, byWave, orderedWaves(byWave.keys(), registered)).map(([wave, s]) => ({
      wave,
      label: registered.get(wave)?.label ?? null,
      startsAt: registered.get(wave)?.startsAt ?? null,
      ...s,
    })),
    channels: breakdown(survey, byChannel, CHANNELS.filter((ch) => byChannel.has(ch))).map(([channel, s]) => ({ channel, ...s })),
  };
}
