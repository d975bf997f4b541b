import { DONT_KNOW, type AnswerValue } from '../core/response';
import type { LocalizedText, Question } from '../core/survey';
import { dk } from './components/questions/dont-know';
import { locale, translator, tx } from './i18n';
import { withUnit } from './numbers';

const at = translator({
  midpoint: { ko: '가운데', en: 'midway' },
  towards: { ko: '‘{pole}’ 쪽', en: 'towards “{pole}”' },
});

/**
 * A point on a scale in words: an end is its label, the middle says so, any other point
 * names the pole it leans to ("4 — towards “Strongly agree”"), so no answer reads as a score.
 */
export function scaleText(value: number, min: number, max: number, labels: { low: LocalizedText; high: LocalizedText }): string {
  if (value === min) return `${value} — ${tx(labels.low)}`;
  if (value === max) return `${value} — ${tx(labels.high)}`;
  if (value * 2 === min + max) return `${value} — ${at('midpoint')}`;
  return `${value} — ${at('towards').replace('{pole}', tx(value * 2 < min + max ? labels.low : labels.high))}`;
}

/** A short human reading of one answer, for the review step. */
export function answerText(question: Question, value: AnswerValue): string {
  const label = (id: string) => {
    const option = 'options' in question ? question.options.find((o) => o.id === id) : undefined;
    return option ? tx(option.label) : id;
  };
  if (value === DONT_KNOW && (question.kind === 'likert' || question.kind === 'spectrum')) return dk('dontKnow');
  switch (question.kind) {
    case 'likert':
      return scaleText(Number(value), 1, question.points, question.labels);
    case 'spectrum':
      // Both poles, so the number can be read without the question on screen.
      return `${scaleText(Number(value), question.min, question.max, question.labels)} (${question.min} ${tx(question.labels.low)} ↔ ${question.max} ${tx(question.labels.high)})`;
    case 'choice':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(', ');
    case 'ranking':
      return (Array.isArray(value) ? value : []).map((id, i) => `${i + 1}. ${label(id)}`).join('  ');
    case 'allocation':
      return Object.entries(value as Record<string, number>)
        .filter(([, amount]) => amount > 0)
        .map(([id, amount]) => `${label(id)} ${withUnit(amount, tx(question.unit), locale())}`)
        .join(', ');
    case 'text':
      return String(value);
  }
}
