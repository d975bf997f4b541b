import type { Answers, AnswerValue } from './response';
import type { Question, Survey } from './survey';
import { answerOf } from './visibility';
import { DONT_KNOW } from './vocabulary';

/*
 * Tallies are mergeable aggregates: sums and counts only, never averages, so that adding,
 * removing and merging are exact integer arithmetic (every answer that reaches a tally is a
 * validated integer or option id). Entries that fall back to zero are deleted, so a tally
 * after add-then-remove is deep-equal to one that never saw the response; that is what lets
 * "tallies equal a recount from the raw rows" be checked with plain equality.
 */

/**
 * Likert and spectrum: how many answered, sum and sum of squares, and a count per value.
 * `dk` counts "don't know" answers, which `n` includes but the sums and `counts` do not. It
 * is absent when zero, and on tallies stored before it existed: read absent as 0.
 */
export type NumericTally = { kind: 'numeric'; n: number; sum: number; sumSq: number; counts: Record<string, number>; dk?: number };
/** Choice: how many answered and how often each option was picked. */
export type ChoiceTally = { kind: 'choice'; n: number; counts: Record<string, number> };
/** Allocation: how many answered and, per area, the sum and sum of squares of amounts. */
export type AllocationTally = { kind: 'allocation'; n: number; areas: Record<string, { sum: number; sumSq: number }> };
/** Ranking: how many answered and, per option, how often it was placed at each position. */
export type RankingTally = { kind: 'ranking'; n: number; positions: Record<string, number[]> };
/** Text: how many comments. */
export type TextTally = { kind: 'text'; n: number };
/** The aggregate of one question's answers. */
export type QuestionTally = NumericTally | ChoiceTally | AllocationTally | RankingTally | TextTally;

/** The aggregate of a set of responses to one survey version: `count` responses in all. */
export type Tally = { count: number; questions: Record<string, QuestionTally> };

/** A tally of no responses. */
export function emptyTally(): Tally {
  return { count: 0, questions: {} };
}

/** Adds one response's answers into `tally` (in place, for speed in batch writes) and returns it. */
export function addResponse(tally: Tally, survey: Pick<Survey, 'sections'>, answers: Answers): Tally {
  return apply(tally, survey, answers, 1);
}

/** Takes one previously added response's answers out of `tally` (in place) and returns it. */
export function removeResponse(tally: Tally, survey: Pick<Survey, 'sections'>, answers: Answers): Tally {
  return apply(tally, survey, answers, -1);
}

// Sections walked in place rather than through allQuestions(): every stored response passes
// here, and the flattened copy per response was a measurable share of ingest.
function apply(tally: Tally, survey: Pick<Survey, 'sections'>, answers: Answers, sign: 1 | -1): Tally {
  tally.count += sign;
  for (const section of survey.sections) {
    for (const question of section.questions) {
      const value = answerOf(answers, question.id);
      if (value === undefined) continue;
      const entry = tally.questions[question.id] ?? emptyQuestionTally(question);
      applyAnswer(entry, question, value, sign);
      entry.n += sign;
      if (isEmpty(entry)) delete tally.questions[question.id];
      else tally.questions[question.id] = entry;
    }
  }
  return tally;
}

function emptyQuestionTally(question: Question): QuestionTally {
  switch (question.kind) {
    case 'likert':
    case 'spectrum':
      return { kind: 'numeric', n: 0, sum: 0, sumSq: 0, counts: {} };
    case 'choice':
      return { kind: 'choice', n: 0, counts: {} };
    case 'allocation':
      return { kind: 'allocation', n: 0, areas: Object.fromEntries(question.options.map((o) => [o.id, { sum: 0, sumSq: 0 }])) };
    case 'ranking':
      return { kind: 'ranking', n: 0, positions: {} };
    case 'text':
      return { kind: 'text', n: 0 };
  }
}

function applyAnswer(entry: QuestionTally, question: Question, value: AnswerValue, sign: 1 | -1): void {
  switch (entry.kind) {
    case 'numeric': {
      if (value === DONT_KNOW) return addDontKnow(entry, sign);
      const x = value as number;
      entry.sum += sign * x;
      entry.sumSq += sign * x * x;
      bump(entry.counts, String(x), sign);
      return;
    }
    case 'choice':
      for (const id of Array.isArray(value) ? value : [value as string]) bump(entry.counts, id, sign);
      return;
    case 'allocation':
      for (const [id, amount] of Object.entries(value as Record<string, number>)) {
        const area = (entry.areas[id] ??= { sum: 0, sumSq: 0 });
        area.sum += sign * amount;
        area.sumSq += sign * amount * amount;
      }
      return;
    case 'ranking':
      if (question.kind === 'ranking') applyRanking(entry, question.pick, value as string[], sign);
      return;
    case 'text':
      return;
  }
}

/** Adds `by` to the "don't know" count, deleting it at zero like every other count. */
function addDontKnow(entry: NumericTally, by: number): void {
  const next = (entry.dk ?? 0) + by;
  if (next === 0) delete entry.dk;
  else entry.dk = next;
}

function applyRanking(entry: RankingTally, pick: number, order: string[], sign: 1 | -1): void {
  order.forEach((id, position) => {
    const counts = (entry.positions[id] ??= new Array<number>(pick).fill(0));
    counts[position] = (counts[position] ?? 0) + sign;
    if (counts.every((c) => c === 0)) delete entry.positions[id];
  });
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  const next = (counts[key] ?? 0) + by;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

/** The tally of the union of two disjoint sets of responses; neither input is changed. */
export function mergeTallies(a: Tally, b: Tally): Tally {
  return addTally(addTally(emptyTally(), a), b);
}

/**
 * Adds `from` into `into` in place and returns `into`; `from` is not changed. For summing
 * many rows into one tally the caller owns, without a copy of the sum per row. With
 * `sign` -1 it takes out a tally that was added before; entries that fall to zero go, as
 * in `removeResponse`.
 */
export function addTally(into: Tally, from: Tally, sign: 1 | -1 = 1): Tally {
  into.count += sign * from.count;
  for (const [id, entry] of Object.entries(from.questions)) {
    const target = into.questions[id];
    const merged = target ? mergeQuestion(target, entry, sign) : sign === 1 ? cloneQuestion(entry) : mergeQuestion(emptyLike(entry), entry, sign);
    if (isEmpty(merged)) delete into.questions[id];
    else into.questions[id] = merged;
  }
  return into;
}

/** Below this a sum of non-integer answers that went back to nothing is taken as zero (rounding left in it). */
const ROUNDING = 1e-6;

/**
 * Whether a question's tally holds nothing. For a sum of responses that is n = 0; but a
 * change being written (a batch that adds some responses to a row and takes others out)
 * and a PostgreSQL shard row (its process's additions and deletions) are differences of
 * sums, where n can be 0 while the counts are not, and dropping them would lose answers.
 */
function isEmpty(entry: QuestionTally): boolean {
  if (entry.n !== 0) return false;
  switch (entry.kind) {
    case 'numeric':
      return Object.keys(entry.counts).length === 0 && entry.dk === undefined && Math.abs(entry.sum) < ROUNDING && Math.abs(entry.sumSq) < ROUNDING;
    case 'choice':
      return Object.keys(entry.counts).length === 0;
    case 'allocation':
      return Object.values(entry.areas).every((a) => Math.abs(a.sum) < ROUNDING && Math.abs(a.sumSq) < ROUNDING);
    case 'ranking':
      return Object.keys(entry.positions).length === 0;
    case 'text':
      return true;
  }
}

/** An empty tally of the same kind as `entry`. */
function emptyLike(entry: QuestionTally): QuestionTally {
  switch (entry.kind) {
    case 'numeric':
      return { kind: 'numeric', n: 0, sum: 0, sumSq: 0, counts: {} };
    case 'choice':
      return { kind: 'choice', n: 0, counts: {} };
    case 'allocation':
      return { kind: 'allocation', n: 0, areas: {} };
    case 'ranking':
      return { kind: 'ranking', n: 0, positions: {} };
    case 'text':
      return { kind: 'text', n: 0 };
  }
}

/** A deep copy of one question's tally (core runs where structuredClone may be missing). */
function cloneQuestion(entry: QuestionTally): QuestionTally {
  switch (entry.kind) {
    case 'numeric':
    case 'choice':
      return { ...entry, counts: { ...entry.counts } };
    case 'allocation':
      return { ...entry, areas: Object.fromEntries(Object.entries(entry.areas).map(([id, a]) => [id, { ...a }])) };
    case 'ranking':
      return { ...entry, positions: Object.fromEntries(Object.entries(entry.positions).map(([id, p]) => [id, [...p]])) };
    case 'text':
      return { ...entry };
  }
}

function mergeQuestion(into: QuestionTally, from: QuestionTally, sign: 1 | -1 = 1): QuestionTally {
  into.n += sign * from.n;
  if (into.kind === 'numeric' && from.kind === 'numeric') {
    into.sum += sign * from.sum;
    into.sumSq += sign * from.sumSq;
    mergeCounts(into.counts, from.counts, sign);
    addDontKnow(into, sign * (from.dk ?? 0));
  } else if (into.kind === 'choice' && from.kind === 'choice') {
    mergeCounts(into.counts, from.counts, sign);
  } else if (into.kind === 'allocation' && from.kind === 'allocation') {
    for (const id in from.areas) {
      const area = from.areas[id]!;
      const target = (into.areas[id] ??= { sum: 0, sumSq: 0 });
      target.sum += sign * area.sum;
      target.sumSq += sign * area.sumSq;
    }
  } else if (into.kind === 'ranking' && from.kind === 'ranking') {
    for (const id in from.positions) {
      const counts = from.positions[id]!;
      const target = (into.positions[id] ??= new Array<number>(counts.length).fill(0));
      for (let i = 0; i < counts.length; i++) target[i] = (target[i] ?? 0) + sign * counts[i]!;
      if (target.every((c) => c === 0)) delete into.positions[id];
    }
  }
  return into;
}

function mergeCounts(into: Record<string, number>, from: Record<string, number>, sign: 1 | -1): void {
  // for…in, not Object.entries: a results read merges every tally row, and the entry arrays were much of its cost.
  for (const key in from) bump(into, key, sign * from[key]!);
}
