type Job<I, O> = { items: I[]; resolve: (out: O[]) => void; reject: (error: unknown) => void };

/**
 * Group commit: work queued by concurrent requests is written in a single transaction, so
 * a hall of single submissions shares one durable commit instead of queueing for one each.
 * Work queued during one turn of the event loop forms a group on the next turn; while a
 * group is being written (an asynchronous database), what arrives meanwhile forms the next
 * group, so at most one write is in flight. Each caller's promise settles only after
 * `write` finished, i.e. after the transaction committed; if it fails, nothing was committed
 * and every caller in the group gets the error.
 */
export class GroupCommit<I, O> {
  private queue: Job<I, O>[] = [];
  private scheduled = false;
  private writing: Promise<void> | undefined;

  /** `write` must return one output per input, in order, and commit before it returns or resolves. */
  constructor(private readonly write: (items: I[]) => O[] | Promise<O[]>) {}

  /** Queues items for the next group and resolves with their outputs once committed. */
  push(items: I[]): Promise<O[]> {
    return new Promise<O[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.scheduled || this.writing) {
      await (this.writing ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, so requests parsed in this turn join the group.
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.flush().finally(() => {
        this.writing = undefined;
        if (this.queue.length) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const jobs = this.queue;
    this.queue = [];
    let outputs: O[];
    try {
      outputs = await this.write(jobs.flatMap((job) => job.items));
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
