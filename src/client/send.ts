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

/**
 * Posts one batch. An answer that fails its schema or does not match the batch is a
 * failure, never an acknowledgement. A body too large is split by the caller; a single
 * response too large is refused here, so it is kept in `rejected` instead of blocking the queue.
 */
async function post(batch: Response[], device: string, api: ApiOptions): Promise<ItemResult[] | 'split'> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': device }, body: JSON.stringify({ responses: batch }) };
  try {
    const answer = await apiJson('/api/v1/responses', init, api);
    const parsed = SubmitResultSchema.safeParse(answer.body);
    if (parsed.success && matches(batch, parsed.data.results)) return parsed.data.results;
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
    const device = await ctx.client.deviceId();
    for (let size = ctx.batchSize, done = 0; ; ) {
      waiting = await ctx.client.countOutbox();
      ctx.update({ waiting, progress: { done, total: done + waiting } });
      if (waiting === 0) return { report };
      const batch = await ctx.client.listOutbox(size);
      const results = await post(batch, device, ctx.api);
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
