import type { ResponseMatrix } from './matrix';
import type { Cell, CrossTable } from './schema';

/**
 * Declared stakeholder group against opinion group. A cell or total nobody is in shows 0;
 * cells of 1 to minCount−1 are withheld. A reader then knows each withheld cell holds
 * someone, so in a row or column with a shown total, the withheld cells must not be
 * workable out from it: a single one would be the total minus the rest, and several that
 * hold fewer than minCount together would be pinned down just as well (two withheld
 * cells summing to 2 are 1 each). Such a line gets its smallest shown non-empty cell
 * withheld too (complementary suppression), until no line is left so.
 */

type Grid = { counts: number[][]; hidden: boolean[][] };

/** Withholds one more cell in a line whose withheld cells are one, or hold fewer than `minCount` together. */
function protectLine(grid: Grid, cells: [number, number][], minCount: number): boolean {
  const count = ([r, c]: [number, number]) => grid.counts[r]![c]!;
  const hiddenPeople = cells.filter(([r, c]) => grid.hidden[r]![c] && count([r, c]) > 0);
  const together = hiddenPeople.reduce((sum, at) => sum + count(at), 0);
  if (hiddenPeople.length === 0 || (hiddenPeople.length >= 2 && together >= minCount)) return false;
  let pick: [number, number] | null = null;
  for (const at of cells) {
    if (!grid.hidden[at[0]]![at[1]] && count(at) > 0 && (!pick || count(at) < count(pick))) pick = at;
  }
  if (!pick) return false;
  grid.hidden[pick[0]]![pick[1]] = true;
  return true;
}

/** Applies secondary suppression until no shown total gives a hidden cell away. */
function protect(grid: Grid, rowShown: boolean[], columnShown: boolean[], minCount: number): void {
  const rows = grid.counts.length;
  const columns = columnShown.length;
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows; r++) {
      if (rowShown[r]) changed = protectLine(grid, Array.from({ length: columns }, (_, c): [number, number] => [r, c]), minCount) || changed;
    }
    for (let c = 0; c < columns; c++) {
      if (columnShown[c]) changed = protectLine(grid, Array.from({ length: rows }, (_, r): [number, number] => [r, c]), minCount) || changed;
    }
  }
}

const cell = (count: number, hidden: boolean): Cell => (hidden ? { withheld: true } : { withheld: false, count });
const small = (count: number, minCount: number) => count > 0 && count < minCount;

/**
 * The cross-table for participants `rows` with opinion groups `labels`: one row per
 * declared option, in survey order, then one for participants who declared none (when
 * there are any). Empty when the survey names no stakeholder question.
 */
export function crossTable(matrix: ResponseMatrix, rows: Int32Array, labels: Int32Array, k: number, minCount: number): CrossTable {
  if (matrix.labels.length === 0) return [];
  const names = [...matrix.labels, null];
  const counts = names.map(() => new Array<number>(k).fill(0));
  rows.forEach((r, i) => {
    const d = matrix.declared[r]!;
    counts[d >= 0 ? d : names.length - 1]![labels[i]!]!++;
  });
  if (counts.at(-1)!.every((x) => x === 0)) (names.pop(), counts.pop());
  const sizes = Array.from({ length: k }, (_, g) => counts.reduce((s, row) => s + row[g]!, 0));
  const totals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const grid = { counts, hidden: counts.map((row) => row.map((x) => small(x, minCount))) };
  protect(grid, totals.map((t) => !small(t, minCount)), sizes.map((s) => !small(s, minCount)), minCount);
  return names.map((declared, r) => ({
    declared,
    total: cell(totals[r]!, small(totals[r]!, minCount)),
    cells: counts[r]!.map((x, g) => cell(x, grid.hidden[r]![g]!)),
  }));
}
