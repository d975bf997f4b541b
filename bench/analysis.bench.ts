import type { Answers } from '../src/core/response';
import type { Survey } from '../src/core/survey';
import { analyseOpinions, mulberry32, readResponses } from '../src/core/analysis';
import { likertSurvey } from '../tests/core/analysis/helpers';

/** Time to read and analyse one sample of `respondents`, in milliseconds. */
export type AnalysisTiming = { respondents: number; readMs: number; analyseMs: number; totalMs: number; k: number; jsonBytes: number };

/**
 * Three planted opinion groups over eight 5-point positions with a quarter of the
 * answers random, generated lazily so the bench reads them in one pass as the server does.
 */
function* synthetic(respondents: number, seed: number): Generator<{ answers: Answers }> {
  const random = mulberry32(seed);
  const sectors = ['defense', 'culture', 'industry', 'public'];
  for (let i = 0; i < respondents; i++) {
    const group = i % 3;
    const answers: Answers = { sector: sectors[random() < 0.7 ? group : 3]! };
    for (let j = 0; j < 8; j++) {
      const own = j === 0 || j === 2 + 2 * group || j === 3 + 2 * group;
      answers[`p${j}`] = random() < 0.25 ? 1 + Math.floor(random() * 5) : own ? 5 : 1;
    }
    yield { answers };
  }
}

/** Reads then analyses `respondents` synthetic responses, timing each step. */
function timeOne(survey: Survey, respondents: number): AnalysisTiming {
  const start = performance.now();
  const matrix = readResponses(survey, synthetic(respondents, respondents));
  const read = performance.now();
  const result = analyseOpinions({ matrix, seed: 1 });
  const end = performance.now();
  return {
    respondents,
    readMs: Math.round(read - start),
    analyseMs: Math.round(end - read),
    totalMs: Math.round(end - start),
    k: result.k,
    jsonBytes: JSON.stringify(result).length,
  };
}

/** Times the full opinion map for each size (default 1,000, 10,000 and 100,000 respondents). */
export function benchAnalysis(sizes: number[] = [1_000, 10_000, 100_000]): AnalysisTiming[] {
  const survey = likertSurvey(Array(8).fill(5));
  timeOne(survey, 2_000); // warm the JIT so the first size is not charged for compilation
  return sizes.map((n) => timeOne(survey, n));
}
