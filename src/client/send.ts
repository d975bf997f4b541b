import { AppError, isAppError } from '../core/errors';
import type { Response } from '../core/response';
import { SubmitResultSchema, type ItemResult } from '../core/wire';
import { apiJson, type ApiOptions } from './api';
import type { Client } from './client';

/** What one `sync()` did, per response: partial failure is data, never an exception. */
export type SyncReport = { stored: number; duplicate: number; rejected: number; failed: number };

/** True when the answer has exactly one result for each response sent and nothing else. */
function matches(batch: Response[], results: ItemResult[]): boolean {
  const ids = new Set(batch.map((r) => r.id));
  return results.length === batch.length && results.every((r) => ids.delete(r.id));
}

/** Who is sending: the device id and, once the server signed one, its credential. */
type Sender = { client: Client; device: string; token?: string };

/** The request headers naming the device; the credential gives it its own share of a shared IP's rate limit. */
function deviceHeaders(sender: Sender): Record<string, string> {
  return { 'x-stance-device': sender.device, ...(sender.token ? { 'x-stance-device-token': sender.token } : {}) };
}

/** Keeps a credential the server sent with an answer (the first after a successful submission, or a new one). */
async function keepToken(sender: Sender, headers: Headers): Promise<void> {
  const token = headers.get('x-stance-device-token');
  if (!token || token === sender.token) return;
  sender.token = token;
  // The credential only buys a fair share of a crowded IP's rate limit; failing to keep it
  // must not turn an acknowledged batch into a failed one (the next success brings it again).
  await sender.client.saveDeviceToken(token).catch(() => undefined);
}

/**
 * Posts one batch. An answer that fails its schema or does not match the batch is a
 * failure, never an acknowledgement. A body too large is split by the caller; a single
 * response too large is refused here, so it is kept in `rejected` instead of blocking the queue.
 */
async function post(batch: Response[], sender: Sender, api: ApiOptions): Promise<ItemResult[] | 'split'> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', ...deviceHeaders(sender) }, body: JSON.stringify({ responses: batch }) };
  try {
    const answer = await apiJson('/api/v1/responses', init, api);
    const parsed = SubmitResultSchema.safeParse(answer.body);
    if (parsed.success && matches(batch, parsed.data.results)) {
      await keepToken(sender, answer.headers);
      return parsed.data.results;
    }
    throw new AppError('server', 'The server answered, but not for the responses sent.', { status: answer.status });
  } catch (error) {
    if (!isAppError(error) || error.details.status !== 413) throw error;
    if (batch.length > 1) return 'split';
    return [{ id: batch[0]!.id, status: 'rejected', error: { code: 'too_large', message: 'Too large to send; export a backup instead.' } }];
  }
}

/** A pass's report, and the error that ended it early, if one did. */
export type Pass = { report: SyncReport; error?: unknown };
/** What a pass needs; `update` receives the waiting count and progress as they change. */
export type PassContext = { client: Client; api: ApiOptions; batchSize: number; update(patch: { waiting: number; progress: { done: number; total: number } }): void };

/**
 * One pass over the outbox, oldest first, until it is empty or a batch fails.
 * Responses leave the outbox only in `recordResults`, after the server's answer: a crash
 * anywhere before that just means they are sent again and come back `duplicate`.
 */
export async function runPass(ctx: PassContext): Promise<Pass> {
  const report: SyncReport = { stored: 0, duplicate: 0, rejected: 0, failed: 0 };
  let waiting = 0;
  try {
    const [device, token] = await Promise.all([ctx.client.deviceId(), ctx.client.deviceToken()]);
    const sender: Sender = { client: ctx.client, device, token };
    for (let size = ctx.batchSize, done = 0; ; ) {
      waiting = await ctx.client.countOutbox();
      ctx.update({ waiting, progress: { done, total: done + waiting } });
      if (waiting === 0) return { report };
      const batch = await ctx.client.listOutbox(size);
      const results = await post(batch, sender, ctx.api);
      if (results === 'split') {
        size = Math.ceil(batch.length / 2);
        continue;
      }
      await ctx.client.recordResults(batch, results);
      for (const result of results) report[result.status]++;
      done += batch.length;
    }
  } catch (error) {
    report.failed = waiting;
    return { report, error };
  }
}
