import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pollResponse, setup } from './helpers';

/** Payloads a broken or hostile client might send: random JSON, mangled responses, junk text. */
const payload = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.record({ responses: fc.array(fc.anything({ maxDepth: 3 }), { minLength: 1, maxLength: 5 }) }).map((b) => JSON.stringify(b)),
  fc
    .record({ key: fc.constantFrom('id', 'surveyId', 'surveyVersion', 'wave', 'channel', 'device', 'locale', 'submittedAt', 'answers'), value: fc.anything({ maxDepth: 2 }) })
    .map(({ key, value }) => JSON.stringify({ responses: [{ ...pollResponse(), [key]: value }] })),
  fc
    .dictionary(fc.constantFrom('role', 'agree', 'spec', 'sectors', 'budget', 'rank', 'why', 'constructor', 'nope'), fc.anything({ maxDepth: 2 }))
    .map((answers) => JSON.stringify({ responses: [{ ...pollResponse(), answers }] })),
);

describe('fuzzing POST /responses', () => {
  it('answers bad payloads with 4xx or per-item rejections, stores only valid responses and stays up', async () => {
    const { app, store } = await setup();
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const res = await app.request('/api/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
        const answer = (await res.json()) as { results?: { status: string }[]; error?: { code: string } };
        if (res.status === 200) {
          // A mangled field can still leave a valid response (an allowed wave, say); count those.
          expect(answer.results!.every((r) => r.status === 'rejected' || r.status === 'stored')).toBe(true);
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(Object.keys(answer.error!)).toEqual(expect.arrayContaining(['code', 'message']));
        }
      }),
      { numRuns: 2000 },
    );
    // Anything stored must be a valid response of a known survey: tallies still add up.
    let stored = 0;
    for await (const _ of store.responses('poll', {})) stored += 1;
    const tallied = (await store.tallyRows('poll', 1)).reduce((n, r) => n + r.tally.count, 0);
    expect(tallied).toBe(stored);
    expect((await app.request('/api/v1/health')).status).toBe(200);
  });
});
