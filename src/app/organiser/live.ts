import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { resultsKey } from '../../client';
import { isAppError } from '../../core/errors';
import { ResultsSnapshotSchema, type ResultsSnapshot } from '../../core/results';
import { getClient } from '../stores/client';
import { queryString, type OrganiserApi } from './api';
import { createSseParser } from './sse';

/** Where the live view stands: waiting for the first event, streaming, or waiting to reconnect. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'failed';
/** Which results to follow: a survey and the query of its results (version and filters). */
export type LiveTarget = { surveyId: string; query: Record<string, string> };

// The server sends a heartbeat every 15 s: three missed ones mean the connection died
// without closing (a laptop that slept, a venue access point that dropped us).
const STALL_MS = 45_000;
const MAX_DELAY_MS = 30_000;

/** Doubling from 1 s to 30 s, jittered so a room full of dashboards does not reconnect in step. */
function backoff(attempt: number): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
  return base / 2 + (Math.random() * base) / 2;
}

/** Waits `ms`, or less when the browser comes back online or the view closes. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

/** Errors worth retrying: the network, the server having a bad moment, a rate limit. */
const retryable = (error: unknown) => !isAppError(error) || ['network', 'server', 'internal', 'too_many_requests'].includes(error.code);

/**
 * Reads one live stream until it ends, fails or goes quiet for too long, handing each
 * `results` event to `onResults`. Returns normally when the server closed the stream.
 */
async function readStream(api: OrganiserApi, t: LiveTarget, signal: AbortSignal, onResults: (snapshot: ResultsSnapshot, id?: string) => void): Promise<void> {
  const stall = new AbortController();
  const abort = () => stall.abort();
  signal.addEventListener('abort', abort);
  let timer = setTimeout(abort, STALL_MS);
  try {
    const path = `/surveys/${encodeURIComponent(t.surveyId)}/live${queryString(t.query)}`;
    const res = await api.call(path, { signal: stall.signal, headers: { accept: 'text/event-stream' } });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const parser = createSseParser((e) => e.event === 'results' && onResults(JSON.parse(e.data) as ResultsSnapshot, e.id));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      clearTimeout(timer);
      timer = setTimeout(abort, STALL_MS);
      parser.push(value);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/**
 * Live results for the organiser: the cached snapshot first (so an offline page shows the
 * last figures, with their age), then the `live` stream read with fetch, reconnecting with
 * backoff after any drop. Each snapshot received is cached for the next offline visit.
 */
export function createLiveResults(api: OrganiserApi, target: () => LiveTarget | undefined) {
  const [snapshot, setSnapshot] = createSignal<ResultsSnapshot>();
  const [fetchedAt, setFetchedAt] = createSignal<string>();
  const [state, setState] = createSignal<LiveState>('connecting');
  const [error, setError] = createSignal<unknown>();

  async function run(t: LiveTarget, signal: AbortSignal) {
    const key = resultsKey(t.surveyId, t.query);
    const client = await getClient();
    const cached = await client.readCache(key, ResultsSnapshotSchema);
    if (signal.aborted) return;
    setSnapshot(cached?.value);
    setFetchedAt(cached?.fetchedAt);
    setError(undefined);
    setState('connecting');
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        await readStream(api, t, signal, (next, id) => {
          attempt = 0;
          setSnapshot(next);
          setFetchedAt(client.now());
          setState('live');
          void client.writeCache(key, next, id ? `"${id}"` : undefined).catch(() => undefined);
        });
      } catch (e) {
        if (!retryable(e)) {
          setError(e);
          setState('failed');
          return;
        }
      }
      if (signal.aborted) return;
      setState(navigator.onLine ? 'reconnecting' : 'offline');
      await pause(backoff(attempt), signal);
    }
  }

  // Restart only when the survey or query really changes, not on every equal object.
  const targetKey = createMemo(() => {
    const t = target();
    return t && JSON.stringify(t);
  });
  createEffect(() => {
    const key = targetKey();
    if (!key) return;
    const controller = new AbortController();
    onCleanup(() => controller.abort());
    void run(JSON.parse(key) as LiveTarget, controller.signal);
  });

  return { snapshot, fetchedAt, state, error };
}

/** The live results' public face. */
export type LiveResults = ReturnType<typeof createLiveResults>;
