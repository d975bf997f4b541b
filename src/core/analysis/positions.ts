import type { Answers } from '../response';
import type { Survey } from '../survey';
import { allQuestions } from '../survey';
import { answerOf } from '../visibility';
import type { Position } from './schema';


/** The survey's Likert questions, in survey order: the positions the map is made of. */
export function likertPositions(survey: Pick<Survey, 'sections'>): Position[] {
  return allQuestions(survey).flatMap((q) => (q.kind === 'likert' ? [{ question: q.id, points: q.points }] : []));
}

/** The scale's midpoint: 3 on a 5-point scale, 4 on a 7-point one. */
export function midpoint(points: number): number {
  return (points + 1) / 2;
}

/**
 * A stored answer as a scale value 1..points, or 0 when it is skipped or not a valid
 * answer (data read from storage is trusted to be validated, but a bad row must not
 * poison the whole map).
 */
export function likertValue(answers: Answers, position: Position): number {
  const value = answerOf(answers, position.question);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= position.points ? value : 0;
}

/** A scale value centred on the midpoint and scaled to −1…+1, so 5- and 7-point items mix. */
export function scaled(value: number, points: number): number {
  const mid = midpoint(points);
  return (value - mid) / (mid - 1);
}

/** The stakeholder groups a respondent can declare: the options of the `segmentBy` question. */
export function declaredLabels(survey: Pick<Survey, 'sections' | 'segmentBy'>): string[] {
  if (survey.segmentBy === undefined) return [];
  const q = allQuestions(survey).find((x) => x.id === survey.segmentBy);
  return q && q.kind === 'choice' && !q.multiple ? q.options.map((o) => o.id) : [];
}
