import type { Comment } from '../../../core/wire';

/** Reads `limit` comments from the server's list, starting at `offset`, newest first. */
export type ReadBatch = (offset: number, limit: number) => Promise<Comment[]>;

/** One page of comments, and the server offset the next page starts at (none when this is the last). */
export type CommentPage = { items: Comment[]; next: number | undefined };

/** How many comments to read per request when some filters apply only here. */
const BATCH = 100;

/**
 * One page of `size` comments that `keep` accepts, reading the server's list from
 * `start`. The server filters by version, wave, question and hidden; the stakeholder
 * group and channel it cannot (yet), so with `filtered` set this reads batches and keeps
 * the matches until the page is full or the list ends. Without, one request of
 * size + 1 tells whether there is a next page. Either way `next` is where the comment
 * after this page sits in the server's list, so paging forward never rereads.
 */
export async function readPage(read: ReadBatch, keep: (c: Comment) => boolean, filtered: boolean, start: number, size: number): Promise<CommentPage> {
  const items: Comment[] = [];
  const limit = filtered ? BATCH : size + 1;
  for (let offset = start; ; offset += limit) {
    const batch = await read(offset, limit);
    for (const [i, comment] of batch.entries()) {
      if (!keep(comment)) continue;
      if (items.length === size) return { items, next: offset + i };
      items.push(comment);
    }
    if (batch.length < limit) return { items, next: undefined };
  }
}
