import { describe, expect, it } from 'vitest';
import { sameWording, surveyChanges } from '../../src/core/changes';
import { allQuestions, type Survey } from '../../src/core/survey';
import { fixtureSurvey } from './fixtures';

/** The fixture with one question changed by `edit`. */
function edited(id: string, edit: (q: any) => void): Survey {
  const s = structuredClone(fixtureSurvey);
  edit(allQuestions(s).find((q) => q.id === id));
  return s;
}

const changeOf = (next: Survey, id: string) => surveyChanges(fixtureSurvey, next).questions.find((q) => q.id === id)?.change;

describe('surveyChanges', () => {
  it('calls every question of a first version added', () => {
    expect(surveyChanges(undefined, fixtureSurvey).questions.map((q) => q.change)).toEqual(Array(9).fill('added'));
  });

  it('calls an identical version unchanged throughout, in question order', () => {
    expect(surveyChanges(fixtureSurvey, structuredClone(fixtureSurvey))).toEqual({
      questions: allQuestions(fixtureSurvey).map((q) => ({ id: q.id, change: 'unchanged' })),
    });
  });

  it.each([
    ['the Korean prompt', 'agree', (q: any) => (q.prompt.ko = '동의하십니까?')],
    ['the English prompt', 'agree', (q: any) => (q.prompt.en = 'Do you agree?')],
    ['help text added', 'agree', (q: any) => (q.help = { ko: '도움말', en: 'Help' })],
    ['the likert points', 'agree', (q: any) => (q.points = 7)],
    ['an end label', 'agree', (q: any) => (q.labels.high.en = 'Fully agree')],
    ['the spectrum range', 'spec', (q: any) => (q.max = 100)],
    ['an option label', 'group', (q: any) => (q.options[0].label.ko = '집단 A')],
    ['the option order', 'group', (q: any) => q.options.reverse()],
    ['an option added', 'group', (q: any) => q.options.push({ id: 'c', label: { ko: 'ㄷ', en: 'c' } })],
    ['the maximum picks', 'multi', (q: any) => (q.maxPicks = 3)],
    ['multiple to single choice', 'multi', (q: any) => Object.assign(q, { multiple: false, maxPicks: undefined })],
    ['the allocation total', 'alloc', (q: any) => (q.total = 10)],
    ['the allocation step', 'alloc', (q: any) => delete q.step],
    ['the allocation unit', 'alloc', (q: any) => (q.unit.en = 'points')],
    ['the ranking pick', 'rank', (q: any) => (q.pick = 3)],
    ['the text length', 'note', (q: any) => (q.maxLength = 200)],
    ['the kind', 'note', (q: any) => Object.assign(q, { kind: 'likert', points: 5, labels: { low: q.prompt, high: q.prompt } })],
  ])('calls a change of %s reworded', (_name, id, edit) => {
    expect(changeOf(edited(id, edit), id)).toBe('reworded');
  });

  it.each([
    ['required', 'agree', (q: any) => (q.required = false)],
    ['a condition added', 'agree', (q: any) => (q.showIf = { question: 'group', anyOf: ['a'] })],
    ['a condition removed', 'other', (q: any) => delete q.showIf],
  ])('keeps the trend when only %s changes', (_name, id, edit) => {
    expect(changeOf(edited(id, edit), id)).toBe('unchanged');
  });

  it('matches questions by id across sections and lists removed ones last, in their old order', () => {
    const next = structuredClone(fixtureSurvey);
    const [agree] = next.sections[0]!.questions.splice(2, 1);
    next.sections[1]!.questions.unshift(agree!);
    next.sections[1]!.questions = next.sections[1]!.questions.filter((q) => q.id !== 'spec' && q.id !== 'rank');
    next.sections[1]!.questions.push({ id: 'fresh', kind: 'text', maxLength: 50, required: false, prompt: { ko: '새 질문', en: 'New' } });
    expect(surveyChanges(fixtureSurvey, next).questions).toEqual([
      { id: 'group', change: 'unchanged' },
      { id: 'other', change: 'unchanged' },
      { id: 'agree7', change: 'unchanged' },
      { id: 'agree', change: 'unchanged' },
      { id: 'multi', change: 'unchanged' },
      { id: 'alloc', change: 'unchanged' },
      { id: 'note', change: 'unchanged' },
      { id: 'fresh', change: 'added' },
      { id: 'spec', change: 'removed' },
      { id: 'rank', change: 'removed' },
    ]);
  });

  it('compares wording regardless of key order, and never across ids', () => {
    const [group] = allQuestions(fixtureSurvey);
    const reordered = Object.fromEntries(Object.entries(group!).reverse()) as typeof group;
    expect(sameWording(group!, reordered!)).toBe(true);
    expect(sameWording(group!, { ...group!, id: 'group-2' })).toBe(false);
  });
});
