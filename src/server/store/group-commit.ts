type Job<I, O> = { items: I[]; resolve: (out: O[]) => void; reject: (error: unknown) => void };

/**
 * Group commit: work queued by concurrent requests is written in a single transaction, so
 * a hall of single submissions shares one durable commit instead of queueing for one each.
 * Work queued during one turn of the event loop forms a group on the next turn. At most
 * `slots` groups are written at once: SQLite writes synchronously and needs one; an
 * asynchronous database is given more, so that one group's commit wait overlaps the next
 * group's statements (each slot has its own tally rows, see the PostgreSQL writer). Each
 * caller's promise settles only after `write` finished, i.e. after its transaction
 * committed; if it fails, nothing of that group was committed and each of its callers gets
 * the error.
 */
export class GroupCommit<I, O> {
  private queue: Job<I, O>[] = [];
  private scheduled = false;
  private readonly free: number[];
  private readonly writing = new Set<Promise<void>>();

  /**
   * `write` must return one output per input, in order, and commit before it returns or
   * resolves; `slot` (0 … slots − 1) is never given to two writes at once.
   */
  constructor(
    private readonly write: (items: I[], slot: number) => O[] | Promise<O[]>,
    slots = 1,
  ) {
    this.free = Array.from({ length: slots }, (_, slot) => slot).reverse();
  }

  /** Queues items for the next group and resolves with their outputs once committed. */
  push(items: I[]): Promise<O[]> {
    return new Promise<O[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.scheduled || this.writing.size) {
      await (this.writing.size ? Promise.race(this.writing) : new Promise((resolve) => setImmediate(resolve)));
    }
  }

  private schedule(): void {
    if (this.scheduled || !this.free.length || !this.queue.length) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, so requests parsed in this turn join the group.
    setImmediate(() => {
      this.scheduled = false;
      const slot = this.free.pop();
      if (slot === undefined) return;
      const writing: Promise<void> = this.flush(slot).finally(() => {
        this.writing.delete(writing);
        this.free.push(slot);
        this.schedule();
      });
      this.writing.add(writing);
    });
  }

  private async flush(slot: number): Promise<void> {
    const jobs = this.queue;
    this.queue = [];
    let outputs: O[];
    try {
      outputs = await this.write(jobs.flatMap((job) => job.items), slot);
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
