import { DEFAULT_WAVE } from './vocabulary';

/*
 * What a results snapshot may show, decided once per survey version and audience from its
 * tally rows. The rules, and why:
 *
 * - Waves anyone can invent (issue 15 #2). A link may name any slug, so results list only
 *   registered waves, `open`, and for the organiser's team the largest unregistered ones
 *   with at least MIN_SEGMENT responses, up to MAX_UNREGISTERED_WAVES; every other slug is
 *   summed into one OTHER_WAVES segment. What a snapshot holds is then bounded by what an
 *   organiser registered, never by how many slugs someone made up.
 * - The public sees less (issue 15 #4): only registered waves and `open`, so no one can
 *   make a segment of their own with a link and pad it with answers they know; and a
 *   higher floor for channels and groups, so padding a small group costs more answers.
 * - Keys too small to count (issue 15 #5). In one breakdown, keys with 1 to floor−1
 *   responses are withheld. If together they hold MIN_SEGMENT or more, the whole minus the
 *   shown segments covers that many, and nothing more is needed. If together they hold fewer,
 *   the whole would give them away; hiding a second, large segment beside them let one
 *   response hide a wave with plenty of responses. So instead they are left out of every
 *   figure, the whole included, the same way in every view, leaving nothing to subtract.
 *   They count again as soon as they hold enough.
 */

/** Who reads a snapshot: anyone (a survey with public results) or the organiser's team. */
export type Audience = 'public' | 'organiser';

/** The tally key, and the results segment, of every wave that results do not list on its own. */
export const OTHER_WAVES = '_other';

/** The most unregistered waves the organiser's results list on their own, largest first. */
export const MAX_UNREGISTERED_WAVES = 20;

/** Segments (and questions) answered by fewer than this many are withheld, so no one is singled out. */
export const MIN_SEGMENT = 5;

/** The public's floor for a channel or stakeholder group, above MIN_SEGMENT so that padding costs more. */
export const PUBLIC_MIN_BREAKDOWN = 10;

/** The three ways results break responses down. */
export type Dimension = 'wave' | 'channel' | 'group';

/** The smallest segment of `dimension` that `audience` may see. */
export function floorOf(audience: Audience, dimension: Dimension): number {
  return audience === 'public' && dimension !== 'wave' ? PUBLIC_MIN_BREAKDOWN : MIN_SEGMENT;
}

/** The withholding rule of one survey version for one audience. */
export type Disclosure = {
  audience: Audience;
  /** The waves listed on their own; the organiser's other waves go to OTHER_WAVES, the public's are not seen. */
  listed: ReadonlySet<string>;
  /** Keys (waves as listed) too small to count: withheld, and their responses left out of every figure. */
  excluded: Record<Dimension, ReadonlySet<string>>;
  /** Changes whenever the rule does, so running sums know to start over. */
  key: string;
};

/** The keys of a tally row in each dimension. */
export type Keyed = { wave: string; channel: string; group: string };

const DIMENSIONS: Dimension[] = ['wave', 'channel', 'group'];

/** The keys a row is shown under for `disclosure` (its wave listed, or OTHER_WAVES), or undefined when not seen at all. */
export function shownAs<R extends Keyed>(row: R, disclosure: Pick<Disclosure, 'audience' | 'listed'>): R | undefined {
  if (disclosure.listed.has(row.wave)) return row;
  return disclosure.audience === 'organiser' ? { ...row, wave: OTHER_WAVES } : undefined;
}

/** Whether a row, keyed as shown, counts for `disclosure`: no key of it too small. */
export function counts(row: Keyed, disclosure: Pick<Disclosure, 'excluded'>): boolean {
  return DIMENSIONS.every((d) => !disclosure.excluded[d].has(row[d]));
}

/**
 * Registered waves and `open`, then the largest of the other waves (by `totals`) that hold
 * MIN_SEGMENT, up to the cap. The stores' pooled rows (keyed OTHER_WAVES) are never one.
 */
export function listedWaves(totals: ReadonlyMap<string, number>, registered: Iterable<string>): Set<string> {
  const listed = new Set([...registered, DEFAULT_WAVE]);
  const large = [...totals].filter(([slug, n]) => !listed.has(slug) && slug !== OTHER_WAVES && n >= MIN_SEGMENT).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  for (const [slug] of large.slice(0, MAX_UNREGISTERED_WAVES)) listed.add(slug);
  return listed;
}

/** Responses per stored wave slug. */
export function waveTotals(rows: (Keyed & { tally: { count: number } })[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.wave, (totals.get(row.wave) ?? 0) + row.tally.count);
  return totals;
}

/** One pass of the small-keys rule over one dimension; true when it left more keys out. */
function excludeSmall(cells: [Keyed, number][], dimension: Dimension, disclosure: Disclosure & { excluded: Record<Dimension, Set<string>> }): boolean {
  const totals = new Map<string, number>();
  for (const [keys, n] of cells) if (counts(keys, disclosure)) totals.set(keys[dimension], (totals.get(keys[dimension]) ?? 0) + n);
  const floor = floorOf(disclosure.audience, dimension);
  const small = [...totals].filter(([, n]) => n > 0 && n < floor);
  const together = small.reduce((sum, [, n]) => sum + n, 0);
  // Withheld together, they are a segment of their own once they hold MIN_SEGMENT (the floor against singling anyone out).
  if (together === 0 || together >= MIN_SEGMENT) return false;
  for (const [key] of small) disclosure.excluded[dimension].add(key);
  return true;
}

/**
 * The rule for `audience` over a version's tally rows. Depends on the rows alone, not on
 * the view, so every view leaves out the same responses. Costs one pass over the rows;
 * the rest works on the rows' sums by listed wave, channel and group, bounded by the cap.
 */
export function disclosureFor(rows: (Keyed & { tally: { count: number } })[], audience: Audience, registered: Iterable<string> = []): Disclosure {
  const listed = audience === 'public' ? new Set([...registered, DEFAULT_WAVE]) : listedWaves(waveTotals(rows), registered);
  const excluded = { wave: new Set<string>(), channel: new Set<string>(), group: new Set<string>() };
  const disclosure = { audience, listed, excluded, key: '' };
  const cells = new Map<string, [Keyed, number]>();
  for (const row of rows) {
    const keys = shownAs(row, disclosure);
    if (!keys) continue;
    const id = `${keys.wave}\u0000${row.channel}\u0000${row.group}`;
    const cell = cells.get(id);
    if (cell) cell[1] += row.tally.count;
    else cells.set(id, [{ wave: keys.wave, channel: row.channel, group: row.group }, row.tally.count]);
  }
  // Leaving a group out can shrink a wave below its floor, so repeat until nothing moves.
  let moved = true;
  while (moved) moved = DIMENSIONS.map((d) => excludeSmall([...cells.values()], d, disclosure)).some(Boolean);
  const sorted = (set: Set<string>) => [...set].sort();
  disclosure.key = JSON.stringify([audience, sorted(listed), sorted(excluded.wave), sorted(excluded.channel), sorted(excluded.group)]);
  return disclosure;
}
