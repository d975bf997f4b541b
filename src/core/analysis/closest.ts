import type { Answers } from '../response';
import { likertValue, scaled } from './positions';
import type { Analysis } from './schema';

/** Where one respondent sits on the map and the opinion group nearest to them. */
export type Placement = { group: number; x: number; y: number; distance: number };

/**
 * Places one respondent's answers on a stored map (centred on its item means, skipped
 * items imputed with them, projected on its components) and finds the nearest shown
 * group centroid. Null when they answered under half the positions, as the map itself
 * requires, or when no group is shown.
 */
export function closestGroup(answers: Answers, analysis: Pick<Analysis, 'model' | 'groups'>): Placement | null {
  const { positions, means, components } = analysis.model;
  let x = 0, y = 0, answered = 0;
  positions.forEach((pos, j) => {
    const value = likertValue(answers, pos);
    if (value === 0) return;
    answered++;
    const v = scaled(value, pos.points) - means[j]!;
    x += v * components[0][j]!;
    y += v * components[1][j]!;
  });
  if (positions.length === 0 || answered * 2 < positions.length) return null;
  let best: Placement | null = null;
  for (const g of analysis.groups) {
    if (g.withheld) continue;
    const distance = Math.hypot(x - g.centroid[0], y - g.centroid[1]);
    if (!best || distance < best.distance) best = { group: g.id, x, y, distance };
  }
  return best;
}
