import type { AnswerValue } from '../core/response';
import type { Question } from '../core/survey';
import { tx } from './i18n';

/** A short human reading of one answer, for the review step. */
export function answerText(question: Question, value: AnswerValue): string {
  const label = (id: string) => {
    const option = 'options' in question ? question.options.find((o) => o.id === id) : undefined;
    return option ? tx(option.label) : id;
  };
  switch (question.kind) {
    case 'likert':
      return `${value} / ${question.points}`;
    case 'spectrum':
      return `${value} (${question.min}–${question.max})`;
    case 'choice':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(', ');
    case 'ranking':
      return (Array.isArray(value) ? value : []).map((id, i) => `${i + 1}. ${label(id)}`).join('  ');
    case 'allocation':
      return Object.entries(value as Record<string, number>)
        .filter(([, amount]) => amount > 0)
        .map(([id, amount]) => `${label(id)} ${amount}`)
        .join(', ') + ` ${tx(question.unit)}`;
    case 'text':
      return String(value);
  }
}
