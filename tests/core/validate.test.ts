import { describe, expect, it } from 'vitest';
import { validateResponse, validateAnswers } from '../../src/core/validate';
import { allQuestions } from '../../src/core/survey';
import { fixtureSurvey, validAnswers } from './fixtures';

const check = (answers: Record<string, unknown>) =>
  validateResponse(fixtureSurvey, { surveyId: 'fixture', surveyVersion: 2, answers: answers as never });
const codes = (answers: Record<string, unknown>) => check(answers).map((i) => `${i.question}:${i.code}`);

describe('validateResponse', () => {
  it('accepts a complete valid response', () => {
    expect(check(validAnswers)).toEqual([]);
  });

  it('accepts every optional answer when valid', () => {
    expect(codes({ ...validAnswers, agree7: 7, multi: ['x', 'z'], note: '안녕하세요' })).toEqual([]);
  });

  it('reports each missing required answer by question id', () => {
    expect(codes({})).toEqual(['group:required', 'agree:required', 'spec:required', 'alloc:required', 'rank:required']);
  });

  it('rejects another survey or version', () => {
    expect(validateResponse(fixtureSurvey, { surveyId: 'fixture', surveyVersion: 1, answers: validAnswers })[0]?.code).toBe('survey_mismatch');
  });

  it.each([
    [{ agree: 0 }, 'agree:out_of_range'],
    [{ agree: 6 }, 'agree:out_of_range'],
    [{ agree7: 7.5 }, 'agree7:not_integer'],
    [{ agree: '4' }, 'agree:wrong_type'],
    [{ spec: 11 }, 'spec:out_of_range'],
    [{ spec: -1 }, 'spec:out_of_range'],
    [{ group: 'c' }, 'group:unknown_option'],
    [{ group: ['a'] }, 'group:wrong_type'],
    [{ multi: ['x', 'q'] }, 'multi:unknown_option'],
    [{ multi: ['x', 'x'] }, 'multi:repeated'],
    [{ multi: ['x', 'y', 'z'] }, 'multi:too_many'],
    [{ multi: 'x' }, 'multi:wrong_type'],
    [{ alloc: { x: 50, y: 25 } }, 'alloc:sum_mismatch'],
    [{ alloc: { x: 105, y: -5 } }, 'alloc:negative'],
    [{ alloc: { x: 50, y: 25, q: 25 } }, 'alloc:unknown_option'],
    [{ alloc: { x: 50.5, y: 24.5, z: 25 } }, 'alloc:not_integer'],
    [{ alloc: { x: 52, y: 23, z: 25 } }, 'alloc:not_multiple_of_step'],
    [{ alloc: [50, 50] }, 'alloc:wrong_type'],
    [{ rank: ['x', 'x'] }, 'rank:repeated'],
    [{ rank: ['x'] }, 'rank:wrong_count'],
    [{ rank: ['x', 'y', 'z'] }, 'rank:wrong_count'],
    [{ rank: ['x', 'w'] }, 'rank:unknown_option'],
    [{ note: 'x'.repeat(21) }, 'note:too_long'],
    [{ note: '   ' }, 'note:empty'],
    [{ note: ' padded ' }, 'note:empty'],
    [{ note: 5 }, 'note:wrong_type'],
    [{ extra: 1 }, 'extra:unknown_question'],
  ])('flags %j as %s', (override, expected) => {
    expect(codes({ ...validAnswers, ...override })).toEqual([expected]);
  });

  it('counts text length in characters, so Hangul is not penalised for its UTF-16 size', () => {
    expect(codes({ ...validAnswers, note: '가'.repeat(20) })).toEqual([]);
    expect(codes({ ...validAnswers, note: '😀'.repeat(20) })).toEqual([]);
  });

  it('requires a question shown by showIf and refuses an answer to a hidden one', () => {
    expect(codes({ ...validAnswers, group: 'other' })).toEqual(['other:required']);
    expect(codes({ ...validAnswers, group: 'other', other: 'ngo' })).toEqual([]);
    expect(codes({ ...validAnswers, other: 'ngo' })).toEqual(['other:hidden']);
  });

  it('never treats inherited object keys as answers', () => {
    const answers = Object.create({ group: 'a' }) as Record<string, unknown>;
    expect(codes(answers)).toContain('group:required');
  });

  it('validates a subset of questions for one section', () => {
    const firstSection = fixtureSurvey.sections[0]!.questions;
    expect(validateAnswers(firstSection, { group: 'a', agree: 3 })).toEqual([]);
    expect(allQuestions(fixtureSurvey)).toHaveLength(9);
  });
});

describe('describeIssues', () => {
  it('gives every issue code an English message for the API', async () => {
    const { describeIssues } = await import('../../src/core/issue-messages');
    const described = describeIssues(check({ ...validAnswers, agree: 9, extra: 1 }));
    expect(described.map((i) => i.message)).toEqual(['the survey has no such question', 'the answer is outside the scale']);
  });
});
