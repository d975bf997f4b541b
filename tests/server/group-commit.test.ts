import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/server/store/group-commit';

/** A write whose commit the test releases by hand, recording which slots were busy together. */
function controlledWrite() {
  const pending: { items: number[]; slot: number; commit: () => void; fail: (e: Error) => void }[] = [];
  const busy = new Set<number>();
  let mostAtOnce = 0;
  const write = (items: number[], slot: number) =>
    new Promise<string[]>((resolve, reject) => {
      expect(busy.has(slot)).toBe(false);
      busy.add(slot);
      mostAtOnce = Math.max(mostAtOnce, busy.size);
      const done = () => busy.delete(slot);
      pending.push({ items, slot, commit: () => (done(), resolve(items.map((i) => `ok ${i}`))), fail: (e) => (done(), reject(e)) });
    });
  return { write, pending, mostAtOnce: () => mostAtOnce };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Lets the event loop turn until `n` writes have started (a freed slot is taken on a later turn). */
async function started(pending: unknown[], n: number): Promise<void> {
  for (let i = 0; i < 10 && pending.length < n; i++) await turn();
  expect(pending).toHaveLength(n);
}

describe('group commit', () => {
  it('groups what arrives in one turn and keeps at most `slots` groups in flight, each on its own slot', async () => {
    const w = controlledWrite();
    const commits = new GroupCommit(w.write, 2);
    const first = [commits.push([1]), commits.push([2, 3])];
    await turn();
    const second = commits.push([4]);
    await turn();
    const third = commits.push([5]);
    await turn();
    expect(w.pending.map((p) => [p.items, p.slot])).toEqual([[[1, 2, 3], 0], [[4], 1]]);
    w.pending[1]!.commit();
    expect(await second).toEqual(['ok 4']);
    await started(w.pending, 3);
    expect(w.pending[2]!.items).toEqual([5]);
    expect(w.pending[2]!.slot).toBe(1);
    w.pending[0]!.commit();
    w.pending[2]!.commit();
    expect(await Promise.all(first)).toEqual([['ok 1'], ['ok 2', 'ok 3']]);
    expect(await third).toEqual(['ok 5']);
    expect(w.mostAtOnce()).toBe(2);
    await commits.drain();
  });

  it('with one slot, the next group waits for the commit before it', async () => {
    const w = controlledWrite();
    const commits = new GroupCommit(w.write);
    const a = commits.push([1]);
    await turn();
    const b = commits.push([2]);
    await turn();
    await turn();
    expect(w.pending).toHaveLength(1);
    w.pending[0]!.commit();
    await a;
    await started(w.pending, 2);
    w.pending[1]!.commit();
    expect(await b).toEqual(['ok 2']);
    expect(w.mostAtOnce()).toBe(1);
  });

  it('a failed group rejects its own callers only, and drain waits for every group', async () => {
    const w = controlledWrite();
    const commits = new GroupCommit(w.write, 2);
    const failing = commits.push([1]);
    await turn();
    const fine = commits.push([2]);
    await turn();
    let drained = false;
    const drain = commits.drain().then(() => (drained = true));
    w.pending[0]!.fail(new Error('database unavailable'));
    await expect(failing).rejects.toThrow('database unavailable');
    await turn();
    expect(drained).toBe(false);
    w.pending[1]!.commit();
    expect(await fine).toEqual(['ok 2']);
    await drain;
    expect(drained).toBe(true);
  });
});
