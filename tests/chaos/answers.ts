import type { Answers, AnswerValue } from '../../src/core/response';
import { DONT_KNOW } from '../../src/core/response';
import type { Question, Survey } from '../../src/core/survey';
import { allQuestions } from '../../src/core/survey';
import { isVisible } from '../../src/core/visibility';

const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pickOne = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Korean, emoji, a combining mark and a right-to-left word: text answers are stored as given.
const WORDS = ['데이터', '국방', 'AI', '좋아요 👍', 'é', 'שלום', '"quoted"', '=SUM(A1)', 'line\nbreak'];

/** An allocation summing to the total in multiples of the step, some areas left out. */
function allocation(random: () => number, q: Extract<Question, { kind: 'allocation' }>): AnswerValue {
  const step = q.step ?? 1;
  const out: Record<string, number> = {};
  for (let left = q.total / step; left > 0; left--) {
    const area = pickOne(random, q.options).id;
    out[area] = (out[area] ?? 0) + step;
  }
  return out;
}

function answer(random: () => number, q: Question): AnswerValue {
  switch (q.kind) {
    case 'likert':
      return q.dontKnow && random() < 0.1 ? DONT_KNOW : int(random, 1, q.points);
    case 'spectrum':
      return q.dontKnow && random() < 0.1 ? DONT_KNOW : int(random, q.min, q.max);
    case 'choice':
      return q.multiple ? shuffled(random, q.options).slice(0, int(random, 1, q.maxPicks ?? q.options.length)).map((o) => o.id) : pickOne(random, q.options).id;
    case 'allocation':
      return allocation(random, q);
    case 'ranking':
      return shuffled(random, q.options).slice(0, q.pick).map((o) => o.id);
    case 'text':
      return Array.from({ length: int(random, 1, 4) }, () => pickOne(random, WORDS)).join(' ').slice(0, q.maxLength).trim() || 'ok';
  }
}

/** Valid answers to every shown question of `survey`, optional ones sometimes skipped. */
export function randomAnswers(survey: Survey, random: () => number): Answers {
  const answers: Answers = {};
  for (const q of allQuestions(survey)) {
    if (!isVisible(q, answers) || (!q.required && random() < 0.4)) continue;
    answers[q.id] = answer(random, q);
  }
  return answers;
}
