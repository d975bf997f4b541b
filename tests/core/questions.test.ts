import { describe, expect, it } from 'vitest';
import { allQuestions, questionNumbers } from '../../src/core/questions';
import { sovereignAiSurvey as sovereignAi } from '../../src/core/surveys/sovereign-ai';
import { fixtureSurvey } from './fixtures';

describe('questionNumbers', () => {
  it('numbers every question in survey order across sections, conditional ones included', () => {
    const numbers = questionNumbers(fixtureSurvey);
    expect([...numbers]).toEqual([
      ['group', 1], ['other', 2], ['agree', 3], ['agree7', 4],
      ['spec', 5], ['multi', 6], ['alloc', 7], ['rank', 8], ['note', 9],
    ]);
  });

  it('gives the built-in survey one number per question, the last equal to the count', () => {
    const numbers = questionNumbers(sovereignAi);
    const questions = allQuestions(sovereignAi);
    expect(numbers.size).toBe(questions.length);
    expect(numbers.get(questions.at(-1)!.id)).toBe(questions.length);
    const conditional = questions.find((q) => q.showIf)!;
    expect(numbers.get(conditional.id)).toBe(questions.indexOf(conditional) + 1);
  });
});
