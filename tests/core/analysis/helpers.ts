import type { Answers } from '../../../src/core/response';
import type { LikertQuestion, Survey } from '../../../src/core/survey';
import { mulberry32 } from '../../../src/core/analysis';

const t = (en: string) => ({ ko: `${en} (ko)`, en });

/** Stakeholder groups the synthetic respondents declare. */
export const SECTORS = ['defense', 'culture', 'industry', 'public'] as const;

/** A survey of Likert positions p0, p1, … with the given scale lengths and a stakeholder question. */
export function likertSurvey(points: (5 | 7)[], withSegment = true): Survey {
  const positions: LikertQuestion[] = points.map((p, i) => ({
    id: `p${i}`,
    kind: 'likert',
    points: p,
    required: false,
    prompt: t(`Position ${i}`),
    labels: { low: t('disagree'), high: t('agree') },
  }));
  const sector = {
    id: 'sector',
    kind: 'choice' as const,
    multiple: false,
    required: true,
    prompt: t('Sector'),
    options: SECTORS.map((id) => ({ id, label: t(id) })),
  };
  return {
    id: 'synthetic',
    version: 1,
    title: t('Synthetic'),
    description: t('Planted groups'),
    notice: t('Notice'),
    resultsPublic: true,
    ...(withSegment ? { segmentBy: 'sector' } : {}),
    sections: [{ id: 's', title: t('All'), questions: withSegment ? [sector, ...positions] : positions }],
  };
}

/**
 * Planted opinion groups over eight 5-point positions: everyone agrees with p0 and
 * disagrees with p1 (the consensus); each group agrees with its own pair of the other
 * six positions (A p2–p3, B p4–p5, C p6–p7) and disagrees with the rest.
 */
export const CENTRES = {
  A: [5, 1, 5, 5, 1, 1, 1, 1],
  B: [5, 1, 1, 1, 5, 5, 1, 1],
  C: [5, 1, 1, 1, 1, 1, 5, 5],
} as const;

/** Each planted group's own positions, the ones it agrees with and the others reject. */
export const OWN: Record<Planted, string[]> = { A: ['p2', 'p3'], B: ['p4', 'p5'], C: ['p6', 'p7'] };
export type Planted = keyof typeof CENTRES;

/** The sector each planted group mostly declares; the rest declare one at random. */
const HOME: Record<Planted, (typeof SECTORS)[number]> = { A: 'defense', B: 'industry', C: 'culture' };

/** Maps a 5-point centre to a 7-point one (1→1, 3→4, 5→7). */
const to7 = (v: number) => 1 + ((v - 1) * 6) / 4;

/**
 * `perGroup` respondents per planted group, each answer at its centre (moved one step
 * 20% of the time), then a quarter of each respondent's answers replaced by uniformly
 * random values. `points` gives each position's scale (default all 5).
 */
export function plantedResponses(perGroup: number, seed = 7, points: (5 | 7)[] = Array(8).fill(5)) {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const responses: { answers: Answers }[] = [];
  const truth: number[] = [];
  (Object.keys(CENTRES) as Planted[]).forEach((name, g) => {
    for (let r = 0; r < perGroup; r++) {
      const replaced = new Set<number>();
      while (replaced.size < Math.round(points.length / 4)) replaced.add(int(0, points.length - 1));
      const answers: Answers = { sector: random() < 0.7 ? HOME[name] : SECTORS[int(0, SECTORS.length - 1)]! };
      points.forEach((p, j) => {
        const centre = p === 7 ? to7(CENTRES[name][j]!) : CENTRES[name][j]!;
        const jittered = random() < 0.2 ? centre + (random() < 0.5 ? -1 : 1) : centre;
        answers[`p${j}`] = replaced.has(j) ? int(1, p) : Math.min(p, Math.max(1, jittered));
      });
      responses.push({ answers });
      truth.push(g);
    }
  });
  return { responses, truth };
}

/** Adjusted Rand index of two labelings of the same items (Hubert and Arabie, 1985). */
export function adjustedRandIndex(a: ArrayLike<number | null>, b: ArrayLike<number | null>): number {
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<number | null, number>();
  const columns = new Map<number | null, number>();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    columns.set(b[i]!, (columns.get(b[i]!) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((s, x) => s + pairs(x), 0);
  const sumRows = [...rows.values()].reduce((s, x) => s + pairs(x), 0);
  const sumColumns = [...columns.values()].reduce((s, x) => s + pairs(x), 0);
  const expected = (sumRows * sumColumns) / pairs(a.length);
  const max = (sumRows + sumColumns) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** For each found group, the planted group most of its members come from. */
export function majorityMap(found: ArrayLike<number | null>, truth: number[]): Map<number, number> {
  const votes = new Map<number, number[]>();
  for (let i = 0; i < truth.length; i++) {
    const f = found[i];
    if (f === null || f === undefined) continue;
    const v = votes.get(f) ?? [0, 0, 0];
    v[truth[i]!]!++;
    votes.set(f, v);
  }
  return new Map([...votes].map(([f, v]) => [f, v.indexOf(Math.max(...v))]));
}
