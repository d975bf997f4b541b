import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical';
import { surveyChanges } from '../../src/core/changes';
import { SurveySchema, allQuestions, type Question, type Survey } from '../../src/core/survey';
import { builtInSurveys, latestBuiltIn, sovereignAiSurvey, sovereignAiSurveyV1, sovereignAiSurveyV2 } from '../../src/core/surveys';
import { validateResponse } from '../../src/core/validate';

/** Every `{ko, en}` object inside a value. */
function texts(value: unknown, out: { ko: unknown; en: unknown }[] = []) {
  if (value && typeof value === 'object') {
    if ('ko' in value || 'en' in value) out.push(value as { ko: unknown; en: unknown });
    else for (const v of Object.values(value)) texts(v, out);
  }
  return out;
}

const positions = (survey: Survey) => allQuestions(survey).filter((q) => q.kind === 'likert');

/** A complete answer set, every position at `point`, with the optional comment skipped. */
const completeAnswers = (survey: Survey, point: number | string) => ({
  group: 'defense',
  ...Object.fromEntries(positions(survey).map((q) => [q.id, point])),
  spectrum: 5,
  allocation: { general: 20, models: 20, defense: 20, manufacturing: 20, culture: 20 },
  ranking: ['defense', 'culture', 'health'],
  path: 'both',
});

const check = (survey: Survey, answers: Record<string, unknown>) =>
  validateResponse(survey, { surveyId: survey.id, surveyVersion: survey.version, answers: answers as never }).map((i) => `${i.question}:${i.code}`);

describe.each([
  ['version 1', sovereignAiSurveyV1],
  ['version 2', sovereignAiSurveyV2],
])('the sovereign-AI survey, %s', (_name, survey) => {
  it('passes its own schema', () => {
    const r = SurveySchema.safeParse(survey);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('has both languages for every text, Hangul in Korean and none in English', () => {
    const all = texts(survey);
    expect(all.length).toBeGreaterThan(80);
    for (const t of all) {
      expect(typeof t.ko === 'string' && /[가-힣]/.test(t.ko), JSON.stringify(t)).toBe(true);
      expect(typeof t.en === 'string' && !/[가-힣]/.test(t.en) && t.en.length > 0, JSON.stringify(t)).toBe(true);
    }
  });

  it('asks every kind the design lists, with eight positions', () => {
    const kinds = new Set(allQuestions(survey).map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['allocation', 'choice', 'likert', 'ranking', 'spectrum', 'text']);
    expect(positions(survey)).toHaveLength(8);
  });

  it('splits 100 trillion won and segments by stakeholder group', () => {
    const alloc = allQuestions(survey).find((q) => q.kind === 'allocation');
    expect(alloc && 'total' in alloc && alloc.total).toBe(100);
    expect(survey.segmentBy).toBe('group');
  });

  it('cites SPRi and a16z on its context cards', () => {
    const sources = (survey.context ?? []).map((c) => c.source.en).join(' ');
    expect(sources).toContain('SPRi');
    expect(sources).toContain('a16z');
  });

  it('uses the same scale labels for every position, so none is framed differently', () => {
    expect(new Set(positions(survey).map((q) => JSON.stringify('labels' in q && q.labels))).size).toBe(1);
  });

  it('accepts a complete answer set with the optional comment skipped', () => {
    expect(check(survey, completeAnswers(survey, 3))).toEqual([]);
  });
});

describe('the two versions', () => {
  it('keeps version 1 exactly as published: devices hold its drafts and responses', () => {
    // The digest of version 1's canonical JSON as first shipped; any edit to it must fail here.
    const digest = createHash('sha256').update(canonicalJson(sovereignAiSurveyV1)).digest('hex');
    expect(digest).toBe('2cf42978561282ebfed270c9e5514eb619ed5910c0b582cba68777d107842866');
    expect(sovereignAiSurveyV1.version).toBe(1);
  });

  it('ships both versions built in, and a new respondent gets version 2', () => {
    expect(builtInSurveys.map((s) => [s.id, s.version])).toEqual([['sovereign-ai', 1], ['sovereign-ai', 2]]);
    expect(latestBuiltIn('sovereign-ai')).toBe(sovereignAiSurveyV2);
    expect(sovereignAiSurvey).toBe(sovereignAiSurveyV2);
    expect(latestBuiltIn('nope')).toBeUndefined();
  });

  it('changes in version 2 only "don\'t know" on the positions and the defense wording', () => {
    const undo = (q: Question): Question => {
      if (q.kind !== 'likert') return q;
      const { dontKnow, ...rest } = q;
      expect(dontKnow).toBe(true);
      const original = allQuestions(sovereignAiSurveyV1).find((o) => o.id === q.id)!;
      return q.id === 'p-defense' ? { ...rest, prompt: original.prompt } : rest;
    };
    const undone = { ...sovereignAiSurveyV2, version: 1, sections: sovereignAiSurveyV2.sections.map((s) => ({ ...s, questions: s.questions.map(undo) })) };
    expect(undone).toEqual(sovereignAiSurveyV1);
    const changed = allQuestions(sovereignAiSurveyV2).filter((q, i) => JSON.stringify(q.prompt) !== JSON.stringify(allQuestions(sovereignAiSurveyV1)[i]!.prompt));
    expect(changed.map((q) => q.id)).toEqual(['p-defense']);
  });

  it('keeps every trend but the defense position: adding "don\'t know" is no change of wording', () => {
    const changes = surveyChanges(sovereignAiSurveyV1, sovereignAiSurveyV2).questions;
    expect(changes.filter((c) => c.change !== 'unchanged')).toEqual([{ id: 'p-defense', change: 'reworded' }]);
    expect(changes).toHaveLength(allQuestions(sovereignAiSurveyV1).length);
  });

  it('states the defense position plainly, without the premise that foreign reliance is unacceptable', () => {
    const defense = (survey: Survey) => allQuestions(survey).find((q) => q.id === 'p-defense')!.prompt;
    expect(defense(sovereignAiSurveyV1).ko).toContain('받아들이기 어려운');
    expect(defense(sovereignAiSurveyV2).ko).not.toMatch(/받아들이기|어려운|의존/);
    expect(defense(sovereignAiSurveyV2).en).not.toMatch(/unacceptable|reliance|depend/i);
    // Stated as the sector positions are: "… should be supported first" / "… 우선 지원해야 한다."
    expect(defense(sovereignAiSurveyV2).ko).toMatch(/국방·안보.*우선 지원해야 한다\.$/);
    expect(defense(sovereignAiSurveyV2).en).toMatch(/defense and security should be supported first\.$/);
  });

  it('takes "dk" on every position in version 2 only, and never on the spectrum', () => {
    expect(check(sovereignAiSurveyV2, completeAnswers(sovereignAiSurveyV2, 'dk'))).toEqual([]);
    expect(check(sovereignAiSurveyV1, completeAnswers(sovereignAiSurveyV1, 'dk'))).toEqual(positions(sovereignAiSurveyV1).map((q) => `${q.id}:wrong_type`));
    expect(check(sovereignAiSurveyV2, { ...completeAnswers(sovereignAiSurveyV2, 4), spectrum: 'dk' })).toEqual(['spectrum:wrong_type']);
  });
});
