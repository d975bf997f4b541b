import { describe, expect, it } from 'vitest';
import { blankSurvey } from '../../../src/core/authoring/blank';
import { conditionSources, segmentCandidates } from '../../../src/core/authoring/conditions';
import { editableSurvey } from '../../../src/core/authoring/editable';
import { inOneLanguage, missingTranslations } from '../../../src/core/authoring/translations';
import { checkDraft, draftAsSurvey } from '../../../src/core/draft';
import { pollSurvey } from '../../server/fixtures/surveys';

describe('missing translations', () => {
  it('names every text written in one language only, with the language it lacks', () => {
    const survey = structuredClone(pollSurvey);
    survey.title = { ko: '설문', en: '' };
    survey.sections[1]!.questions[2]!.prompt = { ko: ' ', en: 'Rank' };
    survey.description = { ko: '', en: '' };
    expect(missingTranslations(survey)).toEqual([
      { path: ['title'], missing: 'en' },
      { path: ['sections', 1, 'questions', 2, 'prompt'], missing: 'ko' },
    ]);
    expect(missingTranslations(pollSurvey)).toEqual([]);
  });

  it('walks any JSON without failing, however deep', () => {
    let deep: unknown = { ko: 'a', en: '' };
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(missingTranslations(deep)).toEqual([]);
    expect(missingTranslations(null)).toEqual([]);
    expect(missingTranslations('text')).toEqual([]);
  });
});

describe('conditions and stakeholder groups', () => {
  it('offers only earlier questions whose answers are values, with their values', () => {
    const sources = conditionSources(pollSurvey, 1, 1);
    expect(sources.map((s) => s.question.id)).toEqual(['role', 'agree', 'spec', 'sectors']);
    expect(sources[0]!.values.map((v) => v.value)).toEqual(['industry', 'government', 'academia']);
    expect(sources[1]!.values.map((v) => v.value)).toEqual([1, 2, 3, 4, 5]);
    expect(sources[2]!.values.map((v) => v.value)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    expect(conditionSources(pollSurvey, 0, 0)).toEqual([]);
  });

  it('does not offer a spectrum too wide to list', () => {
    const wide = structuredClone(pollSurvey);
    Object.assign(wide.sections[0]!.questions[2]!, { min: 0, max: 100 });
    expect(conditionSources(wide, 1, 0).map((s) => s.question.id)).toEqual(['role', 'agree']);
  });

  it('offers single-choice questions alone as the stakeholder group', () => {
    expect(segmentCandidates(pollSurvey).map((q) => q.id)).toEqual(['role']);
  });
});

describe('drafts', () => {
  it('publish under the id and version the server gives them', () => {
    const { id: _, version: __, ...rest } = pollSurvey;
    expect(draftAsSurvey(rest, 'poll', 1)).toEqual(pollSurvey);
    expect(draftAsSurvey({ ...pollSurvey, id: 'other', version: 9 }, 'poll', 1)).toEqual(pollSurvey);
    expect(draftAsSurvey([1], 'poll', 1)).toEqual([1]);
    expect(checkDraft(rest, 'poll', 3)).toEqual({ ok: true, survey: { ...pollSurvey, version: 3 } });
    expect(checkDraft('text', 'poll', 1)).toMatchObject({ ok: false, problems: [{ code: 'not_object', path: [] }] });
  });

  it('become surveys the editor can show, whatever a script saved', () => {
    expect(editableSurvey(pollSurvey, 'poll')).toEqual(pollSurvey);
    expect(editableSurvey({ title: 'plain', sections: [{ questions: [{ kind: 'likert', prompt: { ko: '질문' } }, { kind: 'nope' }, 7] }] }, 'x')).toEqual({
      ...blankSurvey('x'),
      title: { ko: '', en: '' },
      sections: [{ id: 's1', title: { ko: '', en: '' }, questions: [
        { id: 'q1', kind: 'likert', points: 5, required: true, prompt: { ko: '질문', en: '' }, labels: { low: { ko: '', en: '' }, high: { ko: '', en: '' } } },
      ] }],
    });
    expect(editableSurvey({ sections: 'none' }, 'x')).toBeUndefined();
    expect(editableSurvey(null, 'x')).toBeUndefined();
  });
});

describe('one language at a time', () => {
  it('gives every text in the chosen language, with a placeholder where it is missing', () => {
    const survey = structuredClone(pollSurvey);
    survey.title = { ko: '설문', en: '' };
    const english = inOneLanguage(survey, 'en', '(none)');
    expect(english.title).toEqual({ ko: '(none)', en: '(none)' });
    expect(english.sections[0]!.questions[0]!.prompt).toEqual({ ko: 'Role', en: 'Role' });
    expect(inOneLanguage(survey, 'ko', '(없음)').title).toEqual({ ko: '설문', en: '설문' });
    expect(english.sections[0]!.questions[1]).toMatchObject({ kind: 'likert', points: 5 });
  });
});
