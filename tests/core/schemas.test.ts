import { describe, expect, it } from 'vitest';
import { SurveySchema, allQuestions } from '../../src/core/survey';
import { ResponseSchema } from '../../src/core/response';
import { fixtureResponse, fixtureSurvey } from './fixtures';

const clone = <T>(v: T): T => structuredClone(v);
const messages = (value: unknown) => {
  const r = SurveySchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('SurveySchema', () => {
  it('accepts the fixture', () => {
    expect(messages(fixtureSurvey)).toEqual([]);
  });

  it('requires both languages of every text', () => {
    const s = clone(fixtureSurvey) as unknown as { title: Record<string, string> };
    delete s.title.en;
    expect(messages(s).join()).toMatch(/^title\.en/);
  });

  it('refuses an unknown question kind, naming its path', () => {
    const s = clone(fixtureSurvey) as unknown as { sections: { questions: { kind: string }[] }[] };
    s.sections[0]!.questions[2]!.kind = 'slider';
    expect(messages(s).join()).toContain('sections.0.questions.2');
  });

  it('refuses likert scales other than 5 or 7 points', () => {
    const s = clone(fixtureSurvey) as unknown as { sections: { questions: { points?: number }[] }[] };
    s.sections[0]!.questions[2]!.points = 4;
    expect(messages(s).length).toBeGreaterThan(0);
  });

  it.each([
    ['duplicate question ids', (s: any) => (s.sections[1].questions[0].id = 'group'), /duplicate question id/],
    ['duplicate option ids', (s: any) => (s.sections[1].questions[1].options[1].id = 'x'), /has the option id "x" twice/],
    ['a spectrum with min ≥ max', (s: any) => (s.sections[1].questions[0].min = 10), /min must be below max/],
    ['a ranking picking more than it offers', (s: any) => (s.sections[1].questions[3].pick = 4), /pick \(4\) exceeds/],
    ['a showIf on a later question', (s: any) => (s.sections[0].questions[1].showIf.question = 'spec'), /earlier question/],
    ['segmentBy naming a non-choice question', (s: any) => (s.segmentBy = 'agree'), /segmentBy/],
    ['a total that is no multiple of the step', (s: any) => (s.sections[1].questions[2].total = 99), /multiple of the step/],
    ['maxPicks on a single choice', (s: any) => (s.sections[0].questions[0].maxPicks = 1), /maxPicks/],
    ['ids that are not slugs', (s: any) => (s.id = 'Bad Id'), /^id/],
    ['a version below 1', (s: any) => (s.version = 0), /^version/],
  ])('refuses %s', (_name, mutate, expected) => {
    const s = clone(fixtureSurvey);
    mutate(s);
    expect(messages(s).join('\n')).toMatch(expected);
  });

  it('lists every question across sections in order', () => {
    expect(allQuestions(fixtureSurvey).map((q) => q.id)).toEqual(['group', 'other', 'agree', 'agree7', 'spec', 'multi', 'alloc', 'rank', 'note']);
  });
});

const response = fixtureResponse;

describe('ResponseSchema', () => {
  it('accepts a well-formed response', () => {
    expect(ResponseSchema.safeParse(response).success).toBe(true);
    for (const wave of ['-a', 'a-', '--1--', '0', 'a'.repeat(64), `-${'b'.repeat(63)}`]) expect(ResponseSchema.safeParse({ ...response, wave }).success, wave).toBe(true);
    expect(ResponseSchema.safeParse({ ...response, collector: '김조사' }).success).toBe(true);
  });

  it.each([
    ['an id that is no UUID', { id: 'not-a-uuid' }],
    ['a wave with capitals', { wave: 'Day-1' }],
    ['a wave over 64 characters', { wave: 'a'.repeat(65) }],
    ['a wave of a hyphen alone', { wave: '-' }],
    ['a wave of hyphens alone', { wave: '---' }],
    ['an empty wave', { wave: '' }],
    ['an unknown channel', { channel: 'email' }],
    ['an unknown locale', { locale: 'ja' }],
    ['a local time without Z', { submittedAt: '2026-11-29T01:03:00' }],
    ['an impossible date', { submittedAt: '2026-13-45T01:03:00Z' }],
    ['a version of 0', { surveyVersion: 0 }],
    ['an empty collector', { collector: '' }],
    ['an infinite answer', { answers: { agree: Infinity } }],
    ['a nested object answer', { answers: { agree: { x: { y: 1 } } } }],
    ['a boolean answer', { answers: { agree: true } }],
    ['a device id with spaces', { device: 'a b c d e f g h' }],
  ])('refuses %s', (_name, override) => {
    expect(ResponseSchema.safeParse({ ...response, ...override }).success).toBe(false);
  });
});
