import { DEFAULT_WAVE } from './vocabulary';

/*
 * What a results snapshot may show, decided once per survey version and audience from its
 * tally rows. Two rules, and why:
 *
 * - Keys too small to count. A wave, channel or stakeholder group with 1 to floor−1
 *   responses is withheld in every breakdown, and its responses are left out of every
 *   figure, the whole included. Withholding it while the whole still counted it would not
 *   protect it: the whole minus the shown segments is exactly the withheld segment, and
 *   hiding a second segment beside it (secondary suppression) does not help either, since
 *   that segment's own filtered view shows it. It also let one response hide a segment
 *   with plenty of responses (issue 15 #5). Leaving the few out everywhere, the same way
 *   in every view, leaves nothing to subtract. They count as soon as the key has enough.
 * - The public sees less than the organiser's team (issue 15 #4): only the waves an
 *   organiser registered (and the default `open`), so no one can make a segment of their
 *   own with a link; and a higher floor for channels and groups, so padding a small group
 *   with answers one knows takes more of them.
 */

/** Who reads a snapshot: anyone (a survey with public results) or the organiser's team. */
export type Audience = 'public' | 'organiser';

/** The tally key, and the results segment, of every wave that results do not list on its own. */
export const OTHER_WAVES = '_other';

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
  /** Public only: the waves whose responses count at all (registered ones and `open`). */
  waves?: ReadonlySet<string>;
  /** Keys too small to count: their segments are withheld and their responses left out of every figure. */
  excluded: Record<Dimension, ReadonlySet<string>>;
};

/** The keys of a tally row in each dimension. */
export type Keyed = { wave: string; channel: string; group: string; tally: { count: number } };

const DIMENSIONS: Dimension[] = ['wave', 'channel', 'group'];

/** Whether a row's responses count for `disclosure`: in a wave it may see, with no key too small. */
export function counts(row: Omit<Keyed, 'tally'>, disclosure: Disclosure): boolean {
  if (disclosure.waves && !disclosure.waves.has(row.wave)) return false;
  return DIMENSIONS.every((d) => !disclosure.excluded[d].has(row[d]));
}

/** Whether a row is in what `disclosure` may see at all, small keys included. */
export function visible(row: Pick<Keyed, 'wave'>, disclosure: Disclosure): boolean {
  return !disclosure.waves || disclosure.waves.has(row.wave);
}

/**
 * The rule for `audience` over a version's tally rows: the keys whose responses, among
 * those still counted, number 1 to floor−1, taken out again and again until none is left
 * (leaving a group out can shrink a wave below its floor). Depends on the rows alone, not
 * on the view, so every view leaves out the same responses.
 */
export function disclosureFor(rows: Keyed[], audience: Audience, registered: Iterable<string> = []): Disclosure {
  const waves = audience === 'public' ? new Set([...registered, DEFAULT_WAVE]) : undefined;
  const excluded = { wave: new Set<string>(), channel: new Set<string>(), group: new Set<string>() };
  const disclosure: Disclosure = { audience, excluded, ...(waves ? { waves } : {}) };
  let left = rows.filter((row) => counts(row, disclosure));
  for (;;) {
    let changed = false;
    for (const dimension of DIMENSIONS) {
      const totals = new Map<string, number>();
      for (const row of left) totals.set(row[dimension], (totals.get(row[dimension]) ?? 0) + row.tally.count);
      for (const [key, n] of totals) {
        if (n > 0 && n < floorOf(audience, dimension)) (excluded[dimension].add(key), (changed = true));
      }
    }
    if (!changed) return disclosure;
    left = left.filter((row) => counts(row, disclosure));
  }
}
