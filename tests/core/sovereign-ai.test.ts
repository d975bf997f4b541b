import { describe, expect, it } from 'vitest';
import { SurveySchema, allQuestions } from '../../src/core/survey';
import { sovereignAiSurvey } from '../../src/core/surveys/sovereign-ai';
import { validateResponse } from '../../src/core/validate';

/** Every `{ko, en}` object inside a value. */
function texts(value: unknown, out: { ko: unknown; en: unknown }[] = []) {
  if (value && typeof value === 'object') {
    if ('ko' in value || 'en' in value) out.push(value as { ko: unknown; en: unknown });
    else for (const v of Object.values(value)) texts(v, out);
  }
  return out;
}

describe('the sovereign-AI survey', () => {
  it('passes its own schema', () => {
    const r = SurveySchema.safeParse(sovereignAiSurvey);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('has both languages for every text, Hangul in Korean and none in English', () => {
    const all = texts(sovereignAiSurvey);
    expect(all.length).toBeGreaterThan(80);
    for (const t of all) {
      expect(typeof t.ko === 'string' && /[가-힣]/.test(t.ko), JSON.stringify(t)).toBe(true);
      expect(typeof t.en === 'string' && !/[가-힣]/.test(t.en) && t.en.length > 0, JSON.stringify(t)).toBe(true);
    }
  });

  it('asks every kind the design lists', () => {
    const kinds = new Set(allQuestions(sovereignAiSurvey).map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['allocation', 'choice', 'likert', 'ranking', 'spectrum', 'text']);
    expect(allQuestions(sovereignAiSurvey).filter((q) => q.kind === 'likert')).toHaveLength(8);
  });

  it('splits 100 trillion won and segments by stakeholder group', () => {
    const alloc = allQuestions(sovereignAiSurvey).find((q) => q.kind === 'allocation');
    expect(alloc && 'total' in alloc && alloc.total).toBe(100);
    expect(sovereignAiSurvey.segmentBy).toBe('group');
  });

  it('cites SPRi and a16z on its context cards', () => {
    const sources = (sovereignAiSurvey.context ?? []).map((c) => c.source.en).join(' ');
    expect(sources).toContain('SPRi');
    expect(sources).toContain('a16z');
  });

  it('uses the same scale labels for every position, so none is framed differently', () => {
    const labels = allQuestions(sovereignAiSurvey).flatMap((q) => (q.kind === 'likert' ? [JSON.stringify(q.labels)] : []));
    expect(new Set(labels).size).toBe(1);
  });

  it('accepts a complete answer set with the optional comment skipped', () => {
    const answers = {
      group: 'defense',
      ...Object.fromEntries(allQuestions(sovereignAiSurvey).filter((q) => q.kind === 'likert').map((q) => [q.id, 3])),
      spectrum: 5,
      allocation: { general: 20, models: 20, defense: 20, manufacturing: 20, culture: 20 },
      ranking: ['defense', 'culture', 'health'],
      path: 'both',
    };
    expect(validateResponse(sovereignAiSurvey, { surveyId: 'sovereign-ai', surveyVersion: 1, answers })).toEqual([]);
  });
});
