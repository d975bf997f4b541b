import type { ResponseMatrix } from './matrix';
import type { Cell, CrossTable } from './schema';

/**
 * Declared stakeholder group against opinion group. Cells under the small-n threshold
 * are withheld, and so is one more cell wherever a row or column would otherwise have a
 * single withheld cell of one or more people: with the total shown, that cell would be
 * the total minus the rest. (A lone withheld zero needs no cover; it singles no one out.)
 */

type Grid = { counts: number[][]; hidden: boolean[][] };

/** Hides the smallest shown cell of a line whose one hidden cell holds somebody. */
function protectLine(grid: Grid, cells: [number, number][]): boolean {
  const hidden = cells.filter(([r, c]) => grid.hidden[r]![c]);
  if (hidden.length !== 1 || grid.counts[hidden[0]![0]]![hidden[0]![1]] === 0) return false;
  let pick: [number, number] | null = null;
  for (const [r, c] of cells) {
    if (!grid.hidden[r]![c] && (!pick || grid.counts[r]![c]! < grid.counts[pick[0]]![pick[1]]!)) pick = [r, c];
  }
  if (!pick) return false;
  grid.hidden[pick[0]]![pick[1]] = true;
  return true;
}

/** Applies secondary suppression until no shown total gives a hidden cell away. */
function protect(grid: Grid, rowShown: boolean[], columnShown: boolean[]): void {
  const rows = grid.counts.length;
  const columns = columnShown.length;
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows; r++) {
      if (rowShown[r]) changed = protectLine(grid, Array.from({ length: columns }, (_, c): [number, number] => [r, c])) || changed;
    }
    for (let c = 0; c < columns; c++) {
      if (columnShown[c]) changed = protectLine(grid, Array.from({ length: rows }, (_, r): [number, number] => [r, c])) || changed;
    }
  }
}

const cell = (count: number, hidden: boolean): Cell => (hidden ? { withheld: true } : { withheld: false, count });

/**
 * The cross-table for participants `rows` with opinion groups `labels`: one row per
 * declared option, in survey order, then one for participants who declared none. Empty
 * when the survey names no stakeholder question.
 */
export function crossTable(matrix: ResponseMatrix, rows: Int32Array, labels: Int32Array, k: number, minCount: number): CrossTable {
  if (matrix.labels.length === 0) return [];
  const names = [...matrix.labels, null];
  const counts = names.map(() => new Array<number>(k).fill(0));
  rows.forEach((r, i) => {
    const d = matrix.declared[r]!;
    counts[d >= 0 ? d : names.length - 1]![labels[i]!]!++;
  });
  const sizes = Array.from({ length: k }, (_, g) => counts.reduce((s, row) => s + row[g]!, 0));
  const totals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const grid = { counts, hidden: counts.map((row) => row.map((x) => x < minCount)) };
  protect(grid, totals.map((t) => t >= minCount), sizes.map((s) => s >= minCount));
  return names.map((declared, r) => ({
    declared,
    total: cell(totals[r]!, totals[r]! < minCount),
    cells: counts[r]!.map((x, g) => cell(x, grid.hidden[r]![g]!)),
  }));
}
