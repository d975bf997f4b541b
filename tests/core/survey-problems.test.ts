import { describe, expect, it } from 'vitest';
import { SurveySchema } from '../../src/core/survey';
import { SURVEY_PROBLEM_MESSAGES, checkSurvey, describeProblem, formatPath, shortValue, surveyProblemMessage, type SurveyProblem } from '../../src/core/survey-problems';
import { fixtureSurvey } from './fixtures';

const clone = <T>(v: T): T => structuredClone(v);

/** The problems of a mutated fixture, as `path code` lines. */
function problems(mutate: (s: any) => void): SurveyProblem[] {
  const s = clone(fixtureSurvey) as any;
  mutate(s);
  const checked = checkSurvey(s);
  if (checked.ok) throw new Error('expected problems');
  return checked.problems;
}
const summary = (ps: SurveyProblem[]) => ps.map((p) => `${formatPath(p.path)} ${p.code}`);

describe('survey problems: codes and paths instead of zod messages', () => {
  it('accepts a valid survey', () => {
    expect(checkSurvey(fixtureSurvey)).toEqual({ ok: true, survey: fixtureSurvey });
  });

  it.each([
    ['a missing description', (s: any) => delete s.description, 'description missing'],
    ['a missing translation', (s: any) => delete s.title.en, 'title.en missing'],
    ['an empty translation', (s: any) => (s.title.ko = ''), 'title.ko empty_text'],
    ['a text that is not text', (s: any) => (s.notice.en = 5), 'notice.en not_text'],
    ['a boolean given as text', (s: any) => (s.resultsPublic = 'yes'), 'resultsPublic not_boolean'],
    ['a number given as text', (s: any) => (s.sections[1].questions[0].max = '10'), 'sections[1].questions[0].max not_number'],
    ['a fractional number', (s: any) => (s.sections[1].questions[0].min = 1.5), 'sections[1].questions[0].min not_integer'],
    ['a likert of 4 points', (s: any) => (s.sections[0].questions[2].points = 4), 'sections[0].questions[2].points not_one_of'],
    ['an unknown kind', (s: any) => (s.sections[0].questions[2].kind = 'likert9'), 'sections[0].questions[2].kind unknown_kind'],
    ['a missing kind', (s: any) => delete s.sections[0].questions[2].kind, 'sections[0].questions[2].kind missing'],
    ['an id that is no slug', (s: any) => (s.id = 'Bad Id'), 'id not_slug'],
    ['a version below 1', (s: any) => (s.version = 0), 'version too_small'],
    ['a text past 4000 characters', (s: any) => (s.notice.ko = '가'.repeat(4001)), 'notice.ko text_too_long'],
    ['one option', (s: any) => s.sections[0].questions[0].options.splice(1), 'sections[0].questions[0].options too_few_items'],
    ['31 options', (s: any) => (s.sections[0].questions[0].options = Array.from({ length: 31 }, (_, i) => ({ id: `o${i}`, label: { ko: 'ㄱ', en: 'a' } }))), 'sections[0].questions[0].options too_many_items'],
    ['no sections', (s: any) => (s.sections = []), 'sections too_few_items'],
    ['sections that are no list', (s: any) => (s.sections = {}), 'sections not_list'],
    ['a survey that is no object', (s: any) => (s.context = 'cards'), 'context not_list'],
  ])('reports %s', (_name, mutate, expected) => {
    expect(summary(problems(mutate))).toContain(expected);
  });

  it.each([
    ['duplicate section ids', (s: any) => (s.sections[1].id = 's1'), 'sections[1].id duplicate_section_id'],
    ['duplicate question ids', (s: any) => (s.sections[1].questions[0].id = 'group'), 'sections[1].questions[0].id duplicate_question_id'],
    ['duplicate option ids', (s: any) => (s.sections[1].questions[1].options[1].id = 'x'), 'sections[1].questions[1].options[1].id duplicate_option_id'],
    ['min not below max', (s: any) => (s.sections[1].questions[0].min = 10), 'sections[1].questions[0].max min_not_below_max'],
    ['a pick above the options', (s: any) => (s.sections[1].questions[3].pick = 4), 'sections[1].questions[3].pick pick_exceeds_options'],
    ['maxPicks on a single choice', (s: any) => (s.sections[0].questions[0].maxPicks = 1), 'sections[0].questions[0].maxPicks max_picks_needs_multiple'],
    ['maxPicks above the options', (s: any) => (s.sections[1].questions[1].maxPicks = 4), 'sections[1].questions[1].maxPicks max_picks_exceeds_options'],
    ['a total off the step', (s: any) => (s.sections[1].questions[2].total = 99), 'sections[1].questions[2].total total_not_multiple_of_step'],
    ['a condition on a later question', (s: any) => (s.sections[0].questions[1].showIf.question = 'spec'), 'sections[0].questions[1].showIf.question show_if_not_earlier'],
    ['segmentBy on a non-choice', (s: any) => (s.segmentBy = 'agree'), 'segmentBy segment_by_not_single_choice'],
  ])('reports the rule on %s at the field to fix', (_name, mutate, expected) => {
    expect(summary(problems(mutate))).toEqual([expected]);
  });

  it('gives every problem in both languages, with the same placeholders', () => {
    for (const [code, text] of Object.entries(SURVEY_PROBLEM_MESSAGES)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.ko), code).toEqual(names(text.en));
      expect(text.ko, code).toMatch(/[가-힣]/);
    }
  });

  it('fills the messages from the params in Korean and English', () => {
    const [p] = problems((s) => (s.sections[1].questions[3].pick = 4));
    expect(surveyProblemMessage(p!.code, p!.params, 'en')).toBe('question "rank": pick (4) exceeds the 3 options');
    expect(surveyProblemMessage(p!.code, p!.params, 'ko')).toBe('질문 "rank": 순위 개수(4)가 선택지 수(3)보다 많습니다.');
    const [kind] = problems((s) => (s.sections[0].questions[2].kind = 'likert9'));
    expect(surveyProblemMessage(kind!.code, kind!.params, 'en')).toMatch(/^"likert9" is not a question type; use one of "likert", "spectrum"/);
    expect(surveyProblemMessage(kind!.code, kind!.params, 'ko')).toMatch(/^"likert9"은\(는\) 질문 유형이 아닙니다/);
  });

  it('never echoes a long value back', () => {
    const [p] = problems((s) => (s.id = 'X'.repeat(100_000)));
    expect(describeProblem(p!).message.length).toBeLessThan(300);
    expect(shortValue('가'.repeat(50))).toHaveLength(40);
  });

  it('describes a problem as the API does: path text, code, params and the English message', () => {
    const [p] = problems((s) => delete s.description);
    expect(describeProblem(p!)).toEqual({ path: 'description', code: 'missing', params: {}, message: 'this is required' });
    expect(describeProblem(p!, 'ko').message).toBe('필수 항목이 없습니다.');
  });

  it('keeps zod issues readable in English for code that still uses the schema directly', () => {
    const s = clone(fixtureSurvey) as any;
    s.sections[1].questions[3].pick = 4;
    const parsed = SurveySchema.safeParse(s);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual(['question "rank": pick (4) exceeds the 3 options']);
  });
});
