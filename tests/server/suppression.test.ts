import { describe, expect, it } from 'vitest';
import type { ResultsSnapshot } from '../../src/core/results';
import { MAX_UNREGISTERED_WAVES, MIN_SEGMENT, OTHER_WAVES } from '../../src/core/results';
import { ENGINES } from '../support/engines';
import { AUTH, getJson, pollResponse, postJson, setup, submit } from './helpers';

// The small-n attacks of issue 15 (#2–#5) and issue 13's audit, each as the attacker would
// run it: anonymous submissions, then the public (or the organiser's) results.

type App = Awaited<ReturnType<typeof setup>>['app'];

const results = async (app: App, query = '', headers: Record<string, string> = {}) => (await getJson(app, `/api/v1/surveys/poll/results${query}`, headers)).body as ResultsSnapshot;
const bytes = async (app: App, path: string, headers: Record<string, string> = {}) => (await (await app.request(path, { headers })).text()).length;
const register = (app: App, slug: string) => postJson(app, '/api/v1/surveys/poll/waves', { slug, label: slug, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false }, AUTH);
const many = (n: number, overrides: Parameters<typeof pollResponse>[0] = {}, answers: Record<string, unknown> = {}) => Array.from({ length: n }, () => pollResponse(overrides, answers));

/** Submits one response in each of `count` new wave slugs, as the attack did, 200 to a POST. */
async function invent(app: App, count: number, prefix: string): Promise<void> {
  for (let start = 0; start < count; start += 200) {
    const batch = Array.from({ length: Math.min(200, count - start) }, (_, i) => pollResponse({ wave: `${prefix}-${start + i}` }));
    expect((await submit(app, batch)).status).toBe(200);
  }
}

describe.each(ENGINES)('small-n protection on %s', (engine) => {
  it('#3: a withheld view names no group, channel or wave under it, and public results list no withheld wave', async () => {
    const { app, close } = await setup({ engine });
    await submit(app, many(12));
    await submit(app, [pollResponse({ wave: 'tiny-x', channel: 'field' }, { role: 'academia' })]);
    for (const headers of [{}, AUTH]) {
      const view = await results(app, '?wave=tiny-x', headers);
      expect(view).toMatchObject({ count: null, overall: { withheld: true }, groups: [], channels: [], waves: [] });
      expect(JSON.stringify(view)).not.toMatch(/academia|field/);
    }
    const open = await results(app);
    expect(open.waves.map((w) => w.wave)).toEqual(['open']);
    expect(JSON.stringify(open)).not.toContain('tiny-x');
    // The organiser's whole names no lone slug either: it is summed into other waves.
    expect(JSON.stringify(await results(app, '', AUTH))).not.toContain('tiny-x');
    await close();
  });

  it('#5: one response in a new slug or a small wave never hides a wave that has plenty', async () => {
    const { app, close } = await setup({ engine });
    await register(app, 'tiny');
    await submit(app, many(30));
    await submit(app, [pollResponse({ wave: 'x1' }), pollResponse({ wave: 'tiny' })]);
    for (const headers of [{}, AUTH]) {
      const snapshot = await results(app, '', headers);
      expect(snapshot.count).toBe(30);
      expect(snapshot.waves.find((w) => w.wave === 'open')).toMatchObject({ withheld: false, count: 30 });
    }
    const organiser = await results(app, '', AUTH);
    expect(organiser.leftOut).toBe(2);
    expect(organiser.waves.map((w) => [w.wave, w.count])).toEqual([['tiny', null], ['open', 30], [OTHER_WAVES, null]]);
    await close();
  });

  it('#4: padding a victim with known answers shows nothing to the public', async () => {
    const { app, close } = await setup({ engine });
    await submit(app, many(30, {}, { role: 'industry', agree: 3 }));
    // The victims: one in a wave of the attacker's own making, one in a small group and channel.
    await submit(app, [pollResponse({ wave: 'tiny-x' }, { role: 'government', agree: 1 }), pollResponse({ channel: 'field' }, { role: 'academia', agree: 1 })]);
    await submit(app, [...many(4, { wave: 'tiny-x' }, { role: 'government', agree: 5 }), ...many(4, { channel: 'field' }, { role: 'academia', agree: 5 })]);
    const wave = await results(app, '?wave=tiny-x');
    expect(wave).toMatchObject({ count: null, overall: { withheld: true } });
    const whole = await results(app);
    expect(whole.groups.find((g) => g.group === 'academia')).toEqual({ group: 'academia', withheld: true, count: null });
    expect(whole.channels.find((c) => c.channel === 'field')).toEqual({ channel: 'field', withheld: true, count: null });
    for (const query of ['?group=academia', '?channel=field']) expect((await results(app, query)).overall.withheld).toBe(true);
    // The organiser's team, trusted with more, still sees a group of 5.
    expect((await results(app, '', AUTH)).groups.find((g) => g.group === 'academia')).toMatchObject({ withheld: false, count: 5 });
    await close();
  });

  it("issue 13: the segmentBy question's own counts do not give away a withheld group's size; a group nobody chose is 0", async () => {
    const { app, close } = await setup({ engine });
    await submit(app, [...many(30, {}, { role: 'industry' }), ...many(12, {}, { role: 'academia' }), ...many(6, {}, { role: 'government' })]);
    const choice = (snapshot: ResultsSnapshot) => {
      const role = snapshot.overall.withheld ? undefined : snapshot.overall.questions.role;
      if (role?.kind !== 'choice') throw new Error('expected the role counts');
      return role;
    };
    // Public: government (6) is under the floor of 10, and academia is withheld beside it.
    const open = await results(app);
    expect(open.groups.map((g) => [g.group, g.count])).toEqual([['industry', 30], ['government', null], ['academia', null]]);
    expect(choice(open).counts).toEqual({ industry: 30 });
    expect(Object.keys(choice(open).shares)).toEqual(['industry']);
    expect(choice(open).withheldOptions).toEqual(['government', 'academia']);
    // The organiser's view of one wave where government has nobody: 0, shown, not withheld.
    await submit(app, many(7, { wave: 'am' }, { role: 'industry' }));
    const am = choice(await results(app, '?wave=am', AUTH));
    expect(am.shares.government).toBe(0);
    expect(am.withheldOptions).toBeUndefined();
    await close();
  });

  it('#2: invented slugs change neither the size of results, overview and live nor what they list; one step clears them', async () => {
    const { app, store, close } = await setup({ engine });
    await register(app, 'am');
    await submit(app, [...many(30), ...many(6, { wave: 'am' }), ...many(6, { wave: 'big' })]);
    const sizes = async () => ({
      public: await bytes(app, '/api/v1/surveys/poll/results'),
      organiser: await bytes(app, '/api/v1/surveys/poll/results', AUTH),
      overview: await bytes(app, '/api/v1/surveys/poll/overview', AUTH),
    });
    const before = await sizes();
    await invent(app, 400, 'x');
    const after = await sizes();
    await invent(app, 400, 'y');
    const later = await sizes();
    expect(after.public).toBe(before.public);
    expect(later.public).toBe(before.public);
    // One "other waves" segment more for the organiser, however many slugs it sums.
    expect(Math.abs(later.organiser - after.organiser)).toBeLessThan(100);
    expect(Math.abs(later.overview - after.overview)).toBeLessThan(20);
    const organiser = await results(app, '', AUTH);
    expect(organiser.waves.map((w) => [w.wave, w.count])).toEqual([['am', 6], ['big', 6], ['open', 30], [OTHER_WAVES, 800]]);
    const overview = (await getJson(app, '/api/v1/surveys/poll/overview', AUTH)).body;
    expect(overview.waves.at(-1)).toEqual({ slug: OTHER_WAVES, registered: false, count: 800, slugs: 800 });
    // Raw data keeps each response's own slug.
    const slugs = new Set<string>();
    for await (const { response } of store.responses('poll', {})) slugs.add(response.wave);
    expect(slugs.size).toBe(803);
    // The cleanup is the organiser's, and leaves registered waves, open and waves of 5 or more.
    const url = '/api/v1/surveys/poll/unregistered-waves';
    expect((await app.request(url, { method: 'DELETE' })).status).toBe(401);
    expect((await app.request(`${url}?below=0`, { method: 'DELETE', headers: AUTH })).status).toBe(400);
    const cleared = await app.request(url, { method: 'DELETE', headers: AUTH });
    expect(await cleared.json()).toEqual({ waves: 800, deleted: 800 });
    expect((await results(app, '', AUTH)).waves.map((w) => w.wave)).toEqual(['am', 'big', 'open']);
    expect(await bytes(app, '/api/v1/surveys/poll/results')).toBe(before.public);
    await close();
  }, 120_000);

  it(`#2: the first ${MAX_UNREGISTERED_WAVES} unregistered waves to reach ${MIN_SEGMENT} are listed, the rest summed; registering one lists it`, async () => {
    const { app, store, close } = await setup({ engine });
    const perWave = Array.from({ length: MAX_UNREGISTERED_WAVES + 3 }, (_, i) => many(5 + (i % 4), { wave: `w-${i}` }));
    for (const batch of perWave) await submit(app, batch);
    const waves = perWave.flat();
    const organiser = await results(app, '', AUTH);
    const listed = organiser.waves.map((w) => w.wave).filter((w) => w !== OTHER_WAVES);
    expect(listed).toHaveLength(MAX_UNREGISTERED_WAVES);
    // The stores gave rows of their own to the first slugs to hold 5 (w-0 … w-19); later ones stay pooled.
    expect(listed.filter((w) => ['w-20', 'w-21', 'w-22'].includes(w))).toEqual([]);
    expect(organiser.waves.at(-1)).toMatchObject({ wave: OTHER_WAVES, withheld: false, count: 5 + 6 + 7 });
    expect(organiser.count).toBe(waves.length);
    expect((await store.unregisteredWaves('poll')).filter((w) => w.pooled).map((w) => w.slug).sort()).toEqual(['w-20', 'w-21', 'w-22']);
    // A pooled slug registered later leaves the pool with all its responses, whatever the cap.
    expect((await register(app, 'w-21')).status).toBe(201);
    const after = await results(app, '', AUTH);
    expect(after.waves.find((w) => w.wave === 'w-21')).toMatchObject({ count: 6, withheld: false });
    expect(after.waves.at(-1)).toMatchObject({ wave: OTHER_WAVES, count: 5 + 7 });
    expect(after.count).toBe(waves.length);
    await close();
  }, 60_000);
});
