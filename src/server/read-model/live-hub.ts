import { canonicalJson } from '../../core/canonical';
import type { Clock } from '../../core/ids';
import type { Audience } from '../../core/disclosure';
import type { ResultsFilters, ResultsSnapshot } from '../../core/results';
import type { Survey } from '../../core/survey';

/** One live subscriber: what it watches (weighted or not), what it saw last, and how to reach it. */
export type Subscriber = { survey: Survey; filters: ResultsFilters; audience: Audience; weighted?: boolean; lastEtag?: string; send: (snapshot: ResultsSnapshot, etag: string) => void };
type Channel = { subscribers: Set<Subscriber>; lastPush: number; timer?: ReturnType<typeof setTimeout> };
/** How the hub gets the current snapshot of a view: the read model's results cache. */
export type SnapshotSource = (survey: Survey, filters: ResultsFilters, audience: Audience, weighted: boolean) => Promise<{ snapshot: ResultsSnapshot; etag: string }>;

/**
 * Fans out results to live subscribers, per survey: the first change after a quiet spell is
 * pushed at once; changes that follow within `intervalMs` are folded into one trailing push
 * at the end of the interval, so a busy survey gets at most one event a second and the last
 * change is never lost. It is told of changes by the read model, after the read model has
 * moved the survey's revision on, so a push always reads the new figures.
 */
export class LiveHub {
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly snapshotOf: SnapshotSource,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Adds a subscriber and returns the function that removes it. */
  subscribe(subscriber: Subscriber): () => void {
    let channel = this.channels.get(subscriber.survey.id);
    if (!channel) this.channels.set(subscriber.survey.id, (channel = { subscribers: new Set(), lastPush: -Infinity }));
    channel.subscribers.add(subscriber);
    return () => {
      channel.subscribers.delete(subscriber);
      if (channel.subscribers.size === 0) {
        clearTimeout(channel.timer);
        this.channels.delete(subscriber.survey.id);
      }
    };
  }

  /** How many subscribers are connected, for tests and /health. */
  get size(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.subscribers.size;
    return n;
  }

  /** The survey's figures may have changed: push now, or at the end of the interval. */
  changed(surveyId: string): void {
    const channel = this.channels.get(surveyId);
    if (!channel || channel.timer) return;
    const wait = channel.lastPush + this.intervalMs - this.clock();
    if (wait <= 0) void this.push(channel);
    else channel.timer = setTimeout(() => void this.push(channel), wait);
  }

  /** Stops every pending push. */
  close(): void {
    for (const channel of this.channels.values()) clearTimeout(channel.timer);
    this.channels.clear();
  }

  // Subscribers with the same version, audience, filters and weighting share one snapshot.
  private async push(channel: Channel): Promise<void> {
    channel.timer = undefined;
    channel.lastPush = this.clock();
    const byView = new Map<string, Subscriber[]>();
    for (const s of channel.subscribers) {
      const key = canonicalJson([s.survey.version, s.audience, s.filters, s.weighted === true]);
      const group = byView.get(key);
      if (group) group.push(s);
      else byView.set(key, [s]);
    }
    for (const group of byView.values()) {
      try {
        const first = group[0]!;
        const { snapshot, etag } = await this.snapshotOf(first.survey, first.filters, first.audience, first.weighted === true);
        for (const s of group) {
          if (s.lastEtag === etag) continue;
          s.lastEtag = etag;
          s.send(snapshot, etag);
        }
      } catch (error) {
        this.log(`live: could not push results: ${String(error)}`);
      }
    }
  }
}
