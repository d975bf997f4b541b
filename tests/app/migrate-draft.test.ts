import { describe, expect, it } from 'vitest';
import type { Client, Draft } from '../../src/client';
import { sovereignAiSurveyV1, sovereignAiSurveyV2 } from '../../src/core/surveys';
import type { Survey } from '../../src/core/survey';
import { draftDefinition, migrateDraft } from '../../src/app/stores/migrate-draft';

const draft = (answers: Draft['answers'], surveyVersion = 1): Draft => ({
  surveyId: 'sovereign-ai',
  surveyVersion,
  responseId: '0190a0b0-0000-7000-8000-000000000001',
  startedAt: '2025-06-01T09:00:00.000Z',
  updatedAt: '2025-06-01T09:01:00.000Z',
  step: 2,
  answers,
  wave: 'default',
  channel: 'web',
  locale: 'ko',
});

describe('a draft carried onto a newer version', () => {
  const v1Answers = { group: 'manufacturing', 'p-defense': 5, 'p-culture': 2, spectrum: 3 };

  it('drops the answer to version 1’s leading defense wording and keeps those asked in the same words', () => {
    const moved = migrateDraft(draft(v1Answers), sovereignAiSurveyV2, sovereignAiSurveyV1);
    expect(moved.surveyVersion).toBe(2);
    expect(moved.step).toBe(1);
    expect(moved.answers).toEqual({ group: 'manufacturing', 'p-culture': 2, spectrum: 3 });
  });

  it('without the older definition checks only that answers fit', () => {
    expect(migrateDraft(draft(v1Answers), sovereignAiSurveyV2).answers).toEqual(v1Answers);
  });

  it('keeps "don’t know" where the newer question offers it and drops it where it no longer does', () => {
    const fromV2 = draft({ 'p-culture': 'dk', 'p-defense': 'dk' }, 2);
    expect(migrateDraft(fromV2, { ...sovereignAiSurveyV2, version: 3 }, sovereignAiSurveyV2).answers).toEqual({ 'p-culture': 'dk', 'p-defense': 'dk' });
    const withoutDk: Survey = {
      ...sovereignAiSurveyV2,
      version: 3,
      sections: sovereignAiSurveyV2.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.kind === 'likert' ? { ...q, dontKnow: false } : q)) })),
    };
    expect(migrateDraft(fromV2, withoutDk, sovereignAiSurveyV2).answers).toEqual({});
  });

  it('finds the version a draft was started on among the built-in surveys, then on the device', async () => {
    const stored: Survey = { ...sovereignAiSurveyV2, id: 'other', version: 4 };
    const client = { getSurvey: async (id: string, version?: number) => (id === 'other' && version === 4 ? stored : undefined) } as unknown as Client;
    expect(await draftDefinition(client, draft({}))).toBe(sovereignAiSurveyV1);
    expect(await draftDefinition(client, { ...draft({}), surveyId: 'other', surveyVersion: 4 })).toBe(stored);
    expect(await draftDefinition(client, { ...draft({}), surveyVersion: 9 })).toBeUndefined();
  });
});
