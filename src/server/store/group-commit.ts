type Job<I, O> = { items: I[]; resolve: (out: O[]) => void; reject: (error: unknown) => void };

/**
 * Group commit: work queued by concurrent requests during one turn of the event loop is
 * written in a single transaction on the next turn, so a hall of single submissions shares
 * one fsync instead of queueing for one each. Each caller's promise settles only after
 * `write` returned, i.e. after the transaction committed; if it throws, nothing was
 * committed and every caller in the group gets the error.
 */
export class GroupCommit<I, O> {
  private queue: Job<I, O>[] = [];
  private scheduled = false;

  /** `write` must return one output per input, in order, and commit before returning. */
  constructor(private readonly write: (items: I[]) => O[]) {}

  /** Queues items for the next group and resolves with their outputs once committed. */
  push(items: I[]): Promise<O[]> {
    return new Promise<O[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the poll phase, so requests parsed in this turn join the group.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once everything queued so far is committed (or failed). */
  drain(): Promise<void> {
    return this.scheduled ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve();
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    this.scheduled = false;
    let outputs: O[];
    try {
      outputs = this.write(jobs.flatMap((job) => job.items));
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    let offset = 0;
    for (const job of jobs) {
      job.resolve(outputs.slice(offset, offset + job.items.length));
      offset += job.items.length;
    }
  }
}
