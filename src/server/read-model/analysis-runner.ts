import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors';
import { drawMap, type DrawJob } from './draw-map';

/** Draws maps somewhere: in a worker thread in production, on the calling thread in in-process tests. */
export interface MapDrawer {
  draw(job: DrawJob): Promise<string>;
  close(): Promise<void>;
}

/** Draws on the calling thread: for in-process tests of the app only (it blocks while it draws). */
export class InlineDrawer implements MapDrawer {
  async draw(job: DrawJob): Promise<string> {
    return drawMap(job);
  }

  async close(): Promise<void> {}
}

type Pending = { resolve: (body: string) => void; reject: (error: unknown) => void };

/**
 * One worker thread per process, drawing one map at a time; at most `queueLimit` maps wait
 * for it, and the next is refused with 429 rather than queued without end. A worker that
 * dies fails what it held and is replaced for the next map.
 */
export class WorkerDrawer implements MapDrawer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(
    private readonly script: URL,
    private readonly queueLimit: number,
  ) {}

  draw(job: DrawJob): Promise<string> {
    if (this.pending.size >= this.queueLimit) {
      return Promise.reject(new AppError('too_many_requests', 'the server is busy drawing opinion maps; retry shortly', { retryAfter: 5 }));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The answers travel as typed arrays, copied once; nothing else is shared.
      this.running().postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', ({ id, body, error }: { id: number; body?: string; error?: string }) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      if (body !== undefined) job?.resolve(body);
      else job?.reject(new Error(`the opinion map could not be drawn: ${error}`));
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the opinion-map worker stopped (${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
