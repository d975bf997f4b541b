import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { cachedRead } from '../../src/client';
import { isAppError } from '../../src/core/errors';
import { fakeServer } from './fake-server';
import { makeClient } from './helpers';

const Thing = z.object({ n: z.int() });
const URL_ = '/api/v1/thing';
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/** A server whose one GET route answers as `state` says, recording the request headers it saw. */
function thingServer() {
  const server = fakeServer();
  const seen: Headers[] = [];
  const state = { status: 200, body: { n: 1 } as unknown, etag: '"a"' };
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    seen.push(new Headers(init.headers));
    return server.fetch(input, init);
  };
  server.gets.set(URL_, () => {
    if (state.status === 304) return new Response(null, { status: 304, headers: { etag: state.etag } });
    if (state.status !== 200) return server.json({ error: { code: state.status === 401 ? 'unauthorized' : 'forbidden', message: 'no' } }, state.status);
    return server.json(state.body, 200, { etag: state.etag });
  });
  return { fetch: fetch as typeof globalThis.fetch, seen, state };
}

describe('cachedRead', () => {
  it('keeps a checked answer with its ETag and revalidates it conditionally', async () => {
    const { client, clock } = await makeClient();
    const server = thingServer();
    const api = { fetch: server.fetch };
    expect(await cachedRead('thing', URL_, Thing, { client, api })).toEqual({ value: { n: 1 }, fetchedAt: new Date(clock.now).toISOString(), fresh: true });
    expect(server.seen[0]!.has('if-none-match')).toBe(false);
    expect(await client.readCache('thing', Thing)).toEqual({ value: { n: 1 }, fetchedAt: new Date(clock.now).toISOString(), etag: '"a"' });

    server.state.status = 304;
    clock.now += 60_000;
    expect(await cachedRead('thing', URL_, Thing, { client, api })).toEqual({ value: { n: 1 }, fetchedAt: new Date(clock.now).toISOString(), fresh: true });
    expect(server.seen[1]!.get('if-none-match')).toBe('"a"');
    expect((await client.readCache('thing', Thing))?.fetchedAt).toBe(new Date(clock.now).toISOString());
  });

  it('answers with the kept copy and its age when the server cannot be reached, and fails without one', async () => {
    const { client, clock } = await makeClient();
    const server = thingServer();
    await cachedRead('thing', URL_, Thing, { client, api: { fetch: server.fetch } });
    const keptAt = new Date(clock.now).toISOString();
    clock.now += 3_600_000;
    const offline = { fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch };
    expect(await cachedRead('thing', URL_, Thing, { client, api: offline })).toEqual({ value: { n: 1 }, fetchedAt: keptAt, fresh: false });
    const failed = await caught(cachedRead('other', URL_, Thing, { client, api: offline }));
    expect(isAppError(failed, 'network')).toBe(true);
  });

  it('refuses an answer that does not fit the schema and keeps the last good copy', async () => {
    const { client } = await makeClient();
    const server = thingServer();
    await cachedRead('thing', URL_, Thing, { client, api: { fetch: server.fetch } });
    server.state.body = { n: 'many' };
    server.state.etag = '"b"';
    const error = await caught(cachedRead('thing', URL_, Thing, { client, api: { fetch: server.fetch } }));
    expect(isAppError(error, 'invalid')).toBe(true);
    expect(await client.readCache('thing', Thing)).toMatchObject({ value: { n: 1 }, etag: '"a"' });
  });

  it('ignores a kept copy that no longer fits the schema, as if there were none', async () => {
    const { client } = await makeClient();
    await client.writeCache('thing', { n: 'written by an older app' }, '"old"');
    expect(await client.readCache('thing', Thing)).toBeUndefined();
    const server = thingServer();
    expect((await cachedRead('thing', URL_, Thing, { client, api: { fetch: server.fetch } })).value).toEqual({ n: 1 });
    expect(server.seen[0]!.has('if-none-match')).toBe(false);
  });

  it('sends the token, ends the session on 401, and never hides a refusal behind the copy', async () => {
    const { client } = await makeClient();
    const server = thingServer();
    const api = { fetch: server.fetch };
    await cachedRead('thing', URL_, Thing, { client, api, token: 'secret' });
    expect(server.seen[0]!.get('authorization')).toBe('Bearer secret');

    const onUnauthorized = vi.fn();
    server.state.status = 401;
    expect(isAppError(await caught(cachedRead('thing', URL_, Thing, { client, api, token: 'old', onUnauthorized })), 'unauthorized')).toBe(true);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    server.state.status = 403;
    expect(isAppError(await caught(cachedRead('thing', URL_, Thing, { client, api, onUnauthorized })), 'forbidden')).toBe(true);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
