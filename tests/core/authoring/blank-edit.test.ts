import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, blankQuestion, blankSurvey, uniqueId } from '../../../src/core/authoring/blank';
import { dependentsOf, duplicateQuestion, duplicateSection, inserted, moved, removed } from '../../../src/core/authoring/edit';
import { checkSurvey } from '../../../src/core/survey-problems';
import type { Survey } from '../../../src/core/survey';
import { pollSurvey } from '../../server/fixtures/surveys';

/** Fills every empty text, so what is left for the checks is the structure. */
function written<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v) => (typeof v === 'string' && v === '' && (key === 'ko' || key === 'en') ? `${key} text` : v)) as T;
}

describe('blank surveys and questions', () => {
  it('gives every kind settings that pass the checks once its texts are written', () => {
    const survey: Survey = { ...blankSurvey('fresh'), sections: [{ id: 's1', title: { ko: '', en: '' }, questions: QUESTION_KINDS.map((k, i) => blankQuestion(k, `q${i + 1}`)) }] };
    expect(checkSurvey(written(survey))).toMatchObject({ ok: true });
    expect(checkSurvey(survey)).toMatchObject({ ok: false });
  });

  it('leaves a blank survey with its problems to fix, never valid by accident', () => {
    const checked = checkSurvey(blankSurvey('fresh'));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['empty_text', 'too_few_items']));
  });

  it('numbers new ids past the ones taken', () => {
    expect(uniqueId('q', new Set(['q1', 'q2', 'q4']))).toBe('q3');
    expect(uniqueId('s', new Set())).toBe('s1');
  });
});

describe('editing operations', () => {
  it('moves, removes and puts back items without touching the original list', () => {
    const list = ['a', 'b', 'c'];
    expect(moved(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(list, 2, -2)).toEqual(['c', 'a', 'b']);
    expect(moved(list, 2, 1)).toEqual(list);
    expect(removed(list, 1)).toEqual(['a', 'c']);
    expect(inserted(removed(list, 1), 1, 'b')).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('duplicates a question under a fresh id, sharing nothing with it', () => {
    const rank = pollSurvey.sections[1]!.questions[2]!;
    const copy = duplicateQuestion(pollSurvey, rank);
    expect(copy).toEqual({ ...rank, id: 'rank-copy' });
    (copy as typeof rank & { options: { id: string }[] }).options[0]!.id = 'changed';
    expect(rank).toEqual(pollSurvey.sections[1]!.questions[2]);
    const twice = { ...pollSurvey, sections: [...pollSurvey.sections, { id: 'x', title: rank.prompt, questions: [copy] }] };
    expect(duplicateQuestion(twice, rank).id).toBe('rank-copy1');
  });

  it('duplicates a section with new ids, its inner conditions following the copies', () => {
    const section = { id: 'who', title: { ko: '누구', en: 'Who' }, questions: [
      { ...pollSurvey.sections[0]!.questions[0]! },
      { ...pollSurvey.sections[0]!.questions[1]!, showIf: { question: 'role', anyOf: ['industry'] } },
    ] };
    const survey = { ...pollSurvey, sections: [section] };
    const copy = duplicateSection(survey, section);
    expect(copy.id).toBe('who-copy1');
    expect(copy.questions.map((q) => q.id)).toEqual(['role-copy1', 'agree-copy1']);
    expect(copy.questions[1]!.showIf).toEqual({ question: 'role-copy1', anyOf: ['industry'] });
    expect(section.questions[1]!.showIf).toEqual({ question: 'role', anyOf: ['industry'] });
    expect(dependentsOf(survey, 'role').map((q) => q.id)).toEqual(['agree']);
  });
});
