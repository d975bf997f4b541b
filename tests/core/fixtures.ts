import type { Survey } from '../../src/core/survey';

const t = (en: string) => ({ ko: `${en} (ko)`, en });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: t(id) }));

/** A small survey with one question of every kind and a showIf rule. */
export const fixtureSurvey: Survey = {
  id: 'fixture',
  version: 2,
  title: t('Fixture'),
  description: t('A test survey'),
  notice: t('Notice'),
  resultsPublic: false,
  segmentBy: 'group',
  sections: [
    {
      id: 's1',
      title: t('One'),
      questions: [
        { id: 'group', kind: 'choice', multiple: false, required: true, prompt: t('Group'), options: options('a', 'b', 'other') },
        { id: 'other', kind: 'text', required: true, maxLength: 10, prompt: t('Other'), showIf: { question: 'group', anyOf: ['other'] } },
        { id: 'agree', kind: 'likert', points: 5, required: true, prompt: t('Agree'), labels: { low: t('no'), high: t('yes') } },
        { id: 'agree7', kind: 'likert', points: 7, required: false, prompt: t('Agree 7'), labels: { low: t('no'), high: t('yes') } },
      ],
    },
    {
      id: 's2',
      title: t('Two'),
      questions: [
        { id: 'spec', kind: 'spectrum', min: 0, max: 10, required: true, prompt: t('Spectrum'), labels: { low: t('l'), high: t('h') } },
        { id: 'multi', kind: 'choice', multiple: true, maxPicks: 2, required: false, prompt: t('Multi'), options: options('x', 'y', 'z') },
        { id: 'alloc', kind: 'allocation', total: 100, step: 5, unit: t('units'), required: true, prompt: t('Split'), options: options('x', 'y', 'z') },
        { id: 'rank', kind: 'ranking', pick: 2, required: true, prompt: t('Rank'), options: options('x', 'y', 'z') },
        { id: 'note', kind: 'text', maxLength: 20, required: false, prompt: t('Note') },
      ],
    },
  ],
};

/** Answers that satisfy every rule of `fixtureSurvey`. */
export const validAnswers = {
  group: 'a',
  agree: 4,
  spec: 7,
  alloc: { x: 50, y: 25, z: 25 },
  rank: ['y', 'x'],
};

/** A well-formed response to `fixtureSurvey`, as a device sends it. */
export const fixtureResponse = {
  id: '01934b8e-7c00-7000-8000-000000000001',
  surveyId: 'fixture',
  surveyVersion: 2,
  wave: 'day-1',
  channel: 'conference',
  device: 'device-123456',
  locale: 'ko',
  startedAt: '2026-11-29T01:00:00.000Z',
  submittedAt: '2026-11-29T01:03:00Z',
  answers: { group: 'a', alloc: { x: 100 }, rank: ['x'], note: '좋아요' },
};
