import { z } from 'zod/mini';
import type { Audience } from './disclosure';
import { disclosureFor, floorOf, MIN_SEGMENT, OTHER_WAVES } from './disclosure';
import type { MergedRows, TallyRow } from './merged-rows';
import { MergedRows as Sums } from './merged-rows';
import { CHANNELS } from './response';
import { QuestionSummarySchema, summariseQuestion } from './summary';
import type { Survey } from './survey';
import { allQuestions } from './survey';
import { segmentGroups } from './questions';
import type { Tally } from './tally';
import type { WaveDefinition } from './waves';
import { WeightingSummarySchema } from './weighting';

export { MAX_UNREGISTERED_WAVES, MIN_SEGMENT, OTHER_WAVES, PUBLIC_MIN_BREAKDOWN } from './disclosure';
export type { Audience, Disclosure } from './disclosure';
export { MergedRows } from './merged-rows';
export type { TallyRow } from './merged-rows';
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
  /** The smallest channel or group shown: `minSegment` for the organiser, more for the public (disclosure.ts). */
  minBreakdown: z.optional(z.int()),
  /** Who the snapshot is for; absent in snapshots made before there was a difference. */
  audience: z.optional(z.enum(['public', 'organiser'])),
  /** Responses included, or null when fewer than `minSegment` (then `overall` is withheld too). */
  count: z.nullable(Count),
  /**
   * The organiser's only: responses of the view left out because their wave, channel or
   * group is too small to count yet (disclosure.ts). The public is not told.
   */
  leftOut: z.optional(Count),
  overall: SegmentSchema,
  /**
   * Per stakeholder group (the `segmentBy` answer), in option order; empty without
   * `segmentBy`, in a withheld view, and in the public's view of one wave.
   */
  groups: z.array(segment({ group: z.string() })),
  /**
   * Per wave, registered waves by start time first, so the list reads as a trend; then
   * unregistered ones, and last OTHER_WAVES, the sum of the waves not listed on their own.
   * The public sees registered waves and `open` only, and none that is withheld.
   */
  waves: z.array(segment({ wave: z.string(), label: z.nullable(z.object({ ko: z.string(), en: z.string() })), startsAt: z.nullable(z.string()) })),
  /** Per channel; empty in a withheld view and in the public's view of one wave. */
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


/** Groups in the order of the segment question's options, others (NO_GROUP) after them by name. */
export function orderedGroups(survey: Pick<Survey, 'sections' | 'segmentBy'>, seen: Iterable<string>): string[] {
  const order = segmentGroups(survey) ?? [];
  const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length);
  return [...seen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Registered waves by start time, then the others by name, and the sum of the unlisted ones last. */
function orderedWaves(seen: Iterable<string>, waves: Map<string, WaveDefinition>): string[] {
  const start = (slug: string) => (slug === OTHER_WAVES ? '\uffff\uffff' : (waves.get(slug)?.startsAt ?? '\uffff'));
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

/** Input of `snapshotFromSums`: as `SnapshotInput`, with the rows already summed (under their disclosure rule) for the filters. */
export type SumsInput = Omit<SnapshotInput, 'rows'> & { sums: MergedRows };

/**
 * The keys a breakdown withholds, given each segment's count: those under `floor` and any
 * in `forced`. If the withheld ones together hold 1 to floor−1 responses, the whole minus
 * the shown ones would give their figures away, so the smallest shown segment is withheld
 * too (secondary suppression). In a view of the whole survey no key is small (disclosure.ts
 * leaves those out), so this only acts inside filtered views and on single questions.
 */
export function suppressedKeys(counts: [string, number][], forced: ReadonlySet<string> = new Set(), floor = MIN_SEGMENT): Set<string> {
  const hidden = new Set(counts.filter(([key, n]) => n < floor || forced.has(key)).map(([key]) => key));
  const hiddenCount = counts.reduce((sum, [key, n]) => sum + (hidden.has(key) ? n : 0), 0);
  if (hiddenCount > 0 && hiddenCount < floor) {
    const smallest = counts.filter(([key]) => !hidden.has(key)).sort(([, a], [, b]) => a - b)[0];
    if (smallest) hidden.add(smallest[0]);
  }
  return hidden;
}

const WITHHELD = { withheld: true, count: null } as const;

/** Segments for one breakdown, in `order`, withheld as `suppressedKeys` says (keys too small to count always). */
function breakdown(survey: Survey, merged: Map<string, Tally>, order: string[], floor: number, excluded: ReadonlySet<string>): [string, Segment][] {
  const hidden = suppressedKeys(order.map((key) => [key, merged.get(key)?.count ?? 0]), excluded, floor);
  return order.map((key): [string, Segment] => [key, hidden.has(key) ? { ...WITHHELD } : summariseSegment(survey, merged.get(key)!)]);
}

/**
 * The stakeholder question's counts in a segment are the sizes of its groups there, so
 * they follow the groups' rule: a group too small to count is withheld in every segment,
 * and counts of 1 to floor−1 are withheld with a second one where the rest would give
 * them away. Withheld options leave `counts` and `shares` and are named instead.
 */
export function withholdGroupSizes(survey: Pick<Survey, 'segmentBy'>, segment: Segment, floor: number, excluded: ReadonlySet<string>): Segment {
  const summary = !segment.withheld && survey.segmentBy !== undefined ? segment.questions[survey.segmentBy] : undefined;
  if (segment.withheld || summary?.kind !== 'choice') return segment;
  const options = Object.keys(summary.shares);
  const listed = options.filter((o) => (summary.counts[o] ?? 0) > 0 || excluded.has(o));
  const hidden = suppressedKeys(listed.map((o) => [o, summary.counts[o] ?? 0]), excluded, floor);
  if (hidden.size === 0) return segment;
  const keep = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([o]) => !hidden.has(o)));
  const withheldOptions = options.filter((o) => hidden.has(o));
  return { ...segment, questions: { ...segment.questions, [survey.segmentBy!]: { ...summary, counts: keep(summary.counts), shares: keep(summary.shares), withheldOptions } } };
}

/** The results snapshot for `audience` (the organiser's by default): merges the matching tally rows at read time; never looks at responses. */
export function buildSnapshot({ rows, ...rest }: SnapshotInput, audience: Audience = 'organiser'): ResultsSnapshot {
  const disclosure = disclosureFor(rows, audience, rest.waves.map((w) => w.slug));
  return snapshotFromSums({ ...rest, sums: new Sums(rest.filters).update(rows, disclosure) });
}

/** The label of the OTHER_WAVES segment. */
export const OTHER_WAVES_LABEL = { ko: '기타 웨이브', en: 'Other waves' };

/** The smallest view `audience` may see under `filters`: a view of one channel or group is that breakdown's segment. */
function viewFloor(audience: Audience, filters: ResultsFilters): number {
  const floors = [MIN_SEGMENT, filters.channel === undefined ? 0 : floorOf(audience, 'channel'), filters.group === undefined ? 0 : floorOf(audience, 'group')];
  return Math.max(...floors);
}

/**
 * The results snapshot from sums kept up to date by `MergedRows` (the server keeps one per
 * view and audience). A withheld view lists no breakdown, so it says nothing of which
 * groups, channels or waves hold its few responses; the public's view of one wave shows
 * that wave's figures only (its groups and channels are the organiser's).
 */
export function snapshotFromSums({ survey, sums, filters, waves, generatedAt }: SumsInput): ResultsSnapshot {
  const { disclosure, present, byGroup, byWave, byChannel } = sums;
  const { audience, excluded } = disclosure;
  const whole = sums.whole();
  const groupFloor = floorOf(audience, 'group');
  const protect = (s: Segment) => withholdGroupSizes(survey, s, groupFloor, excluded.group);
  const overall = whole.count < viewFloor(audience, filters) ? { ...WITHHELD } : protect(summariseSegment(survey, whole));
  const head = {
    surveyId: survey.id, version: survey.version, generatedAt, filters, minSegment: MIN_SEGMENT, minBreakdown: groupFloor, audience,
    count: overall.count, ...(audience === 'organiser' ? { leftOut: sums.visibleCount - whole.count } : {}), overall,
  };
  if (overall.withheld) return { ...head, groups: [], waves: [], channels: [] };
  const oneWave = audience === 'public' && filters.wave !== undefined;
  const registered = new Map(waves.map((w) => [w.slug, w]));
  const groupOrder = survey.segmentBy === undefined || oneWave ? [] : orderedGroups(survey, present.group);
  const channelOrder = oneWave ? [] : CHANNELS.filter((ch) => present.channel.has(ch));
  const waveList = breakdown(survey, byWave, orderedWaves(present.wave, registered), MIN_SEGMENT, excluded.wave)
    .filter(([, s]) => audience === 'organiser' || !s.withheld)
    .map(([wave, s]) => ({ wave, label: wave === OTHER_WAVES ? OTHER_WAVES_LABEL : (registered.get(wave)?.label ?? null), startsAt: registered.get(wave)?.startsAt ?? null, ...protect(s) }));
  return {
    ...head,
    groups: breakdown(survey, byGroup, groupOrder, groupFloor, excluded.group).map(([group, s]) => ({ group, ...s })),
    waves: waveList,
    channels: breakdown(survey, byChannel, channelOrder, floorOf(audience, 'channel'), excluded.channel).map(([channel, s]) => ({ channel, ...protect(s) })),
  };
}
