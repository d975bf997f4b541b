import { describe, expect, it } from 'vitest';
import { questionNumbers } from '../../src/core/numbering';
import { sovereignAiSurvey } from '../../src/core/surveys';
import type { Question } from '../../src/core/survey';

const text = { ko: 'q', en: 'q' };
const q = (id: string, showIf?: Question['showIf']): Question => ({ id, kind: 'text', prompt: text, required: false, maxLength: 10, ...(showIf ? { showIf } : {}) });

describe('question numbers', () => {
  it('numbers the questions always shown and letters the conditional ones after them', () => {
    const survey = { sections: [{ id: 's', title: text, questions: [q('a'), q('a1', { question: 'a', anyOf: ['x'] }), q('a2', { question: 'a', anyOf: ['y'] }), q('b')] }, { id: 't', title: text, questions: [q('c')] }] };
    expect(Object.fromEntries(questionNumbers(survey))).toEqual({ a: '1', a1: '1a', a2: '1b', b: '2', c: '3' });
  });

  it('numbers a conditional question that has nothing before it as a plain question', () => {
    const survey = { sections: [{ id: 's', title: text, questions: [q('first', { question: 'x', anyOf: [1] }), q('b')] }] };
    expect(Object.fromEntries(questionNumbers(survey))).toEqual({ first: '1', b: '2' });
  });

  it('gives the built-in survey the same numbers whatever is answered', () => {
    const numbers = questionNumbers(sovereignAiSurvey);
    expect(numbers.get('group')).toBe('1');
    expect(numbers.get('group-other')).toBe('1a');
    expect(numbers.get('role')).toBe('2');
    expect(numbers.get('spectrum')).toBe('11');
    expect(numbers.get('comment')).toBe('15');
  });
});
