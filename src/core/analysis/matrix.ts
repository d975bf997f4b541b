import type { Answers } from '../response';
import type { Survey } from '../survey';
import type { PositionCounts } from './consensus';
import { answerOf } from '../visibility';
import type { Position } from './schema';
import { declaredLabels, likertPositions, likertValue } from './positions';

/**
 * Respondents' Likert answers, read in one pass. `raw` is row-major (rows × positions),
 * holding the scale value 1..points or 0 for a skipped position; one byte per answer
 * keeps 100,000 respondents under a megabyte for an eight-position survey.
 */
export type ResponseMatrix = {
  positions: Position[];
  /** The stakeholder groups respondents may declare, in the survey's option order. */
  labels: string[];
  rows: number;
  raw: Uint8Array;
  /** Per row, the index of the declared group in `labels`, or −1 when none was given. */
  declared: Int32Array;
};

/** Adds respondents one at a time, so a caller can stream rows straight from storage. */
export type MatrixBuilder = {
  /** Adds one respondent from their answers. */
  add(answers: Answers): void;
  /** The matrix of everything added so far. */
  finish(): ResponseMatrix;
};

/** A builder for a survey's matrix; rows are kept in the order they are added. */
export function createMatrixBuilder(survey: Pick<Survey, 'sections' | 'segmentBy'>): MatrixBuilder {
  const positions = likertPositions(survey);
  const labels = declaredLabels(survey);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const p = positions.length;
  let capacity = 1024;
  let raw = new Uint8Array(capacity * p);
  let declared = new Int32Array(capacity);
  let rows = 0;
  const grow = () => {
    capacity *= 2;
    const nextRaw = new Uint8Array(capacity * p);
    nextRaw.set(raw);
    const nextDeclared = new Int32Array(capacity);
    nextDeclared.set(declared);
    raw = nextRaw;
    declared = nextDeclared;
  };
  return {
    add(answers) {
      if (rows === capacity) grow();
      for (let j = 0; j < p; j++) raw[rows * p + j] = likertValue(answers, positions[j]!);
      const group = survey.segmentBy === undefined ? undefined : answerOf(answers, survey.segmentBy);
      declared[rows] = typeof group === 'string' ? (labelIndex.get(group) ?? -1) : -1;
      rows++;
    },
    finish: () => ({ positions, labels, rows, raw: raw.slice(0, rows * p), declared: declared.slice(0, rows) }),
  };
}

/** Reads every response's Likert answers and declared group in a single pass. */
export function readResponses(
  survey: Pick<Survey, 'sections' | 'segmentBy'>,
  responses: Iterable<{ answers: Answers }>,
): ResponseMatrix {
  const builder = createMatrixBuilder(survey);
  for (const response of responses) builder.add(response.answers);
  return builder.finish();
}

/**
 * Rows that take part in the opinion map: those who answered at least half the
 * positions, since imputing most of a respondent would place them by the crowd's means.
 */
export function participantRows(matrix: ResponseMatrix): Int32Array {
  const p = matrix.positions.length;
  const out = new Int32Array(matrix.rows);
  let n = 0;
  for (let r = 0; r < matrix.rows && p > 0; r++) {
    let answered = 0;
    for (let j = 0; j < p; j++) if (matrix.raw[r * p + j]! > 0) answered++;
    if (answered * 2 >= p) out[n++] = r;
  }
  return out.slice(0, n);
}

/** Which group each counted row belongs to: `of[i]` indexes `labels` for the i-th row, −1 for none. */
export type Grouping = { labels: string[]; of: Int32Array };

/**
 * Value counts per position, overall and per group, for the given rows (every row when
 * omitted), in the form tallies hold them.
 */
export function positionCounts(matrix: ResponseMatrix, grouping: Grouping, rows?: Int32Array): PositionCounts[] {
  const p = matrix.positions.length;
  const counts = matrix.positions.map((pos) => ({
    question: pos.question,
    points: pos.points,
    overall: new Array<number>(pos.points).fill(0),
    groups: Object.fromEntries(grouping.labels.map((l) => [l, new Array<number>(pos.points).fill(0)])),
  }));
  const total = rows ? rows.length : matrix.rows;
  for (let i = 0; i < total; i++) {
    const r = rows ? rows[i]! : i;
    const label = grouping.labels[grouping.of[i]!];
    for (let j = 0; j < p; j++) {
      const v = matrix.raw[r * p + j]!;
      if (v === 0) continue;
      const c = counts[j]!;
      c.overall[v - 1]!++;
      if (label !== undefined) c.groups[label]![v - 1]!++;
    }
  }
  return counts;
}
