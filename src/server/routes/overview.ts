import { Hono } from 'hono';
import { listedWaves, OTHER_WAVES } from '../../core/disclosure';
import { quotaProgress } from '../../core/quotas';
import type { Services } from '../context';
import { joinUrlOf, surveyParam } from '../context';

type Counts = Map<string, number>;
const bump = (m: Counts, key: string, by: number) => m.set(key, (m.get(key) ?? 0) + by);
const list = <K extends string>(m: Counts, name: K) => [...m].map(([key, count]) => ({ [name]: key, count }) as Record<K, string> & { count: number });

/**
 * The organiser's view of a survey: its versions, waves (registered or just seen in links,
 * each registered one with its quotas filling), channels and groups with exact counts, all
 * from the tallies, and the survey's weighting. Waves seen in links are listed as results
 * list them (core/disclosure.ts), the rest summed as one OTHER_WAVES entry with how many
 * slugs it holds, so the overview's size does not grow with invented slugs (nor, since the
 * stores pool those slugs' tallies, the time to build it).
 */
export function overviewRoutes({ store, config }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/overview', async (c) => {
    const latest = await surveyParam(c, store);
    const versions = (await store.listSurveys()).filter((s) => s.id === latest.id).sort((a, b) => a.version - b.version);
    const byWave: Counts = new Map();
    const byChannel: Counts = new Map();
    const byGroup: Counts = new Map();
    const byWaveGroup = new Map<string, Record<string, number>>();
    const perVersion = [];
    for (const survey of versions) {
      let count = 0;
      for (const row of await store.tallyRows(survey.id, survey.version)) {
        count += row.tally.count;
        bump(byWave, row.wave, row.tally.count);
        bump(byChannel, row.channel, row.tally.count);
        bump(byGroup, row.group, row.tally.count);
        const inWave = byWaveGroup.get(row.wave) ?? {};
        inWave[row.group] = (inWave[row.group] ?? 0) + row.tally.count;
        byWaveGroup.set(row.wave, inWave);
      }
      perVersion.push({ version: survey.version, title: survey.title, count });
    }
    const registered = await store.listWaves(latest.id);
    const slugs = new Set(registered.map((w) => w.slug));
    const listed = listedWaves(byWave, slugs);
    const others = [...byWave].filter(([slug]) => !listed.has(slug));
    // The stores' pooled rows are keyed OTHER_WAVES and hold many slugs; the rest are one each.
    const otherSlugs = others.filter(([slug]) => slug !== OTHER_WAVES).length + (byWave.has(OTHER_WAVES) ? await store.pooledWaveCount(latest.id) : 0);
    const waves = [
      ...registered.map((w) => ({
        ...w,
        quotas: quotaProgress(latest, w.quotas ?? {}, byWaveGroup.get(w.slug) ?? {}),
        joinUrl: joinUrlOf(config, w.code),
        registered: true,
        count: byWave.get(w.slug) ?? 0,
      })),
      ...[...byWave].filter(([slug]) => listed.has(slug) && !slugs.has(slug)).map(([slug, count]) => ({ slug, registered: false, count })),
      ...(others.length ? [{ slug: OTHER_WAVES, registered: false, count: others.reduce((n, [, c]) => n + c, 0), slugs: otherSlugs }] : []),
    ];
    return c.json({
      id: latest.id,
      title: latest.title,
      latestVersion: latest.version,
      resultsPublic: latest.resultsPublic,
      segmentBy: latest.segmentBy ?? null,
      total: perVersion.reduce((sum, v) => sum + v.count, 0),
      versions: perVersion,
      waves,
      channels: list(byChannel, 'channel'),
      groups: list(byGroup, 'group'),
      weighting: (await store.getWeighting(latest.id)) ?? null,
      ...(config.publicUrl ? { publicUrl: config.publicUrl, publicUrlSource: config.publicUrlSource ?? 'configured' } : {}),
    });
  });

  return app;
}
