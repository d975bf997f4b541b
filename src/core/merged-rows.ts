import type { Dimension, Disclosure } from './disclosure';
import { counts, disclosureFor, shownAs } from './disclosure';
import type { Tally } from './tally';
import { addTally, emptyTally } from './tally';

/** One stored tally: the responses of one version × wave × channel × group. */
export type TallyRow = { wave: string; channel: string; group: string; tally: Tally };

/** Which responses a view covers: any of wave, channel and stakeholder group. */
export type ViewFilters = { wave?: string; channel?: string; group?: string };

const rowKey = (row: TallyRow) => `${row.wave}\u0000${row.channel}\u0000${row.group}`;

/** Adds `tally` (or takes it out) under `key`, dropping sums that fall to no responses. */
function addUnder(sums: Map<string, Tally>, key: string, tally: Tally, sign: 1 | -1): void {
  const sum = addTally(sums.get(key) ?? emptyTally(), tally, sign);
  if (sum.count === 0) sums.delete(key);
  else sums.set(key, sum);
}

/** As `addUnder`, one level deeper: by `key`, then by `group` within it. */
function addUnderGroup(sums: Map<string, Map<string, Tally>>, key: string, group: string, tally: Tally, sign: 1 | -1): void {
  const inner = sums.get(key) ?? new Map<string, Tally>();
  addUnder(inner, group, tally, sign);
  if (inner.size === 0) sums.delete(key);
  else sums.set(key, inner);
}

/**
 * The sums of one view's tally rows by group, wave and channel, and by group within each
 * wave and each channel (what weighting by group needs), kept between reads. Rows are
 * summed under the keys the disclosure rule shows them as (an unlisted wave under
 * OTHER_WAVES), and only those whose responses count. Tally rows are never
 * changed in place (a commit replaces a changed row with a new object), so `update` adds
 * in only the rows that are new objects since the last call and takes out the ones they
 * replace, or that stopped counting: a read right after one response costs a few merges,
 * not one per row and breakdown.
 */
export class MergedRows {
  readonly byGroup = new Map<string, Tally>();
  readonly byWave = new Map<string, Tally>();
  readonly byChannel = new Map<string, Tally>();
  /** Wave, then group: the per-group tallies inside each wave. */
  readonly byWaveGroup = new Map<string, Map<string, Tally>>();
  /** Channel, then group: the per-group tallies inside each channel. */
  readonly byChannelGroup = new Map<string, Map<string, Tally>>();
  /** The keys (waves as listed) of the view's rows that the audience may see, small ones included (they are listed, withheld). */
  present: Record<Dimension, Set<string>> = { wave: new Set(), channel: new Set(), group: new Set() };
  /** Responses in the view's rows that the audience may see, counted or not. */
  visibleCount = 0;
  /** The rule the sums were last brought up to date with. */
  disclosure: Disclosure = disclosureFor([], 'organiser');
  private readonly seen = new Map<string, TallyRow>();

  constructor(private readonly filters: ViewFilters) {}

  /** Brings the sums up to date with the survey version's current tally rows, under `disclosure` (disclosureFor). */
  update(rows: TallyRow[], disclosure: Disclosure): this {
    // A new rule moves rows between keys (a wave listed on its own, a group counted again): start over.
    if (disclosure.key !== this.disclosure.key) this.clear();
    this.disclosure = disclosure;
    this.present = { wave: new Set(), channel: new Set(), group: new Set() };
    this.visibleCount = 0;
    const live = new Set<string>();
    for (const stored of rows) {
      const row = shownAs(stored, disclosure);
      if (!row || !this.matches(stored, row)) continue;
      this.present.wave.add(row.wave);
      this.present.channel.add(row.channel);
      this.present.group.add(row.group);
      this.visibleCount += row.tally.count;
      if (!counts(row, disclosure)) continue;
      const key = rowKey(stored);
      live.add(key);
      const old = this.seen.get(key);
      if (old?.tally === row.tally) continue;
      if (old) this.apply(old, -1);
      this.apply(row, 1);
      this.seen.set(key, row);
    }
    for (const [key, old] of this.seen) {
      if (live.has(key)) continue;
      this.apply(old, -1);
      this.seen.delete(key);
    }
    return this;
  }

  /** The sum of every counted row of the view (every row has one channel, so a few merges). */
  whole(): Tally {
    return [...this.byChannel.values()].reduce((sum, t) => addTally(sum, t), emptyTally());
  }

  /** A wave filter names a stored slug or a listed wave (OTHER_WAVES among them). */
  private matches(stored: TallyRow, row: TallyRow): boolean {
    const f = this.filters;
    return (f.wave === undefined || stored.wave === f.wave || row.wave === f.wave) && (f.channel === undefined || row.channel === f.channel) && (f.group === undefined || row.group === f.group);
  }

  private clear(): void {
    for (const sums of [this.byGroup, this.byWave, this.byChannel, this.byWaveGroup, this.byChannelGroup]) sums.clear();
    this.seen.clear();
  }

  private apply(row: TallyRow, sign: 1 | -1): void {
    addUnder(this.byGroup, row.group, row.tally, sign);
    addUnder(this.byWave, row.wave, row.tally, sign);
    addUnder(this.byChannel, row.channel, row.tally, sign);
    addUnderGroup(this.byWaveGroup, row.wave, row.group, row.tally, sign);
    addUnderGroup(this.byChannelGroup, row.channel, row.group, row.tally, sign);
  }
}
