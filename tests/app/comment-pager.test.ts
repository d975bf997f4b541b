import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/app/organiser/results/comment-pager';
import type { Comment } from '../../src/core/wire';

const comments: Comment[] = Array.from({ length: 250 }, (_, i) => ({
  responseId: `r${i}`,
  question: 'comment',
  text: `comment ${i}`,
  version: 1,
  wave: 'open',
  channel: 'web',
  group: i % 3 === 0 ? 'defense' : 'culture',
  submittedAt: '2025-06-01T09:00:00.000Z',
  hidden: false,
}));

/** The server's list, counting the requests made. */
function server() {
  const calls: [number, number][] = [];
  const read = async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return comments.slice(offset, offset + limit);
  };
  return { read, calls };
}

describe('readPage', () => {
  it('reads one page with one request of size + 1 when the server does all the filtering', async () => {
    const { read, calls } = server();
    const first = await readPage(read, () => true, false, 0, 20);
    expect(first.items.map((c) => c.responseId)).toEqual(comments.slice(0, 20).map((c) => c.responseId));
    expect(first.next).toBe(20);
    expect(calls).toEqual([[0, 21]]);
    const last = await readPage(read, () => true, false, 240, 20);
    expect(last).toMatchObject({ next: undefined });
    expect(last.items).toHaveLength(10);
  });

  it('pages through a filter the server cannot apply without skipping or repeating a comment', async () => {
    const { read } = server();
    const defense = (c: Comment) => c.group === 'defense';
    const seen: string[] = [];
    let start: number | undefined = 0;
    let pages = 0;
    while (start !== undefined) {
      const page = await readPage(read, defense, true, start, 20);
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((c) => c.responseId));
      start = page.next;
      pages++;
    }
    expect(seen).toEqual(comments.filter(defense).map((c) => c.responseId));
    expect(pages).toBe(Math.ceil(comments.filter(defense).length / 20));
  });

  it('gives an empty last page when nothing matches', async () => {
    const { read } = server();
    expect(await readPage(read, () => false, true, 0, 20)).toEqual({ items: [], next: undefined });
  });
});
