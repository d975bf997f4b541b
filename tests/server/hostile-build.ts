import { expect } from 'vitest';
import { canonicalJson } from '../../src/core/canonical';
import type { Response as SurveyResponse } from '../../src/core/response';
import { ResponseSchema } from '../../src/core/response';
import { validateResponse } from '../../src/core/validate';
import type { SqliteStore } from '../../src/server/store/sqlite';
import { pollSurvey } from './fixtures/surveys';
import { pollResponse } from './helpers';
import { objText, type Item } from './hostile-arbitraries';

/** An item as sent, with the fresh id and (for valid ones) the response the server must store. */
export type Built = { item: Item; text: string; id: string; expected?: SurveyResponse };

const entriesOf = (value: object): [string, string][] => Object.entries(value).map(([k, v]) => [k, JSON.stringify(v)]);

function setEntry(entries: [string, string][], key: string, fragment: string): [string, string][] {
  return entries.some(([k]) => k === key) ? entries.map(([k, v]) => [k, k === key ? fragment : v]) : [...entries, [key, fragment]];
}

/** The response's JSON text with one field, or `answers.<question>`, replaced by a fragment. */
function withFragment(base: SurveyResponse, path: string, fragment: string): string {
  if (!path.startsWith('answers.')) return objText(setEntry(entriesOf(base), path, fragment));
  const answers = objText(setEntry(entriesOf(base.answers), path.slice('answers.'.length), fragment));
  return objText(setEntry(entriesOf(base), 'answers', answers));
}

/** Turns a generated item into JSON text around a fresh poll response. */
export function build(item: Item): Built {
  const base = pollResponse();
  switch (item.kind) {
    case 'junk':
      return { item, text: item.fragment, id: base.id };
    case 'bad':
    case 'noise':
      return { item, text: withFragment(base, item.path, item.fragment), id: base.id };
    case 'good': {
      const expected: SurveyResponse = {
        ...base,
        ...(item.collector ? { collector: item.collector } : {}),
        answers: { ...base.answers, budget: { a: 100, b: 0, c: 0 }, ...(item.comment ? { why: item.comment } : {}) },
      };
      let entries = entriesOf(expected);
      // -0 amounts are the same content as 0; prototype keys are not part of a response.
      if (item.negativeZero) entries = setEntry(entries, 'answers', JSON.stringify(expected.answers).replace('"b":0,"c":0', '"b":-0,"c":-0'));
      if (item.extraKeys) {
        const answers = entries.find(([k]) => k === 'answers')![1];
        entries = setEntry(entries, 'answers', `{"__proto__":{"polluted":true},${answers.slice(1)}`);
        entries = [['__proto__', '{"polluted":true}'], ...entries, ['constructor', '{"prototype":{"polluted":true}}']];
      }
      return { item, text: objText(entries), id: base.id, expected };
    }
  }
}

/** Rows the store holds for these ids. */
export function rowsFor(store: SqliteStore, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = store.db.prepare(`SELECT id, json FROM responses WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: string; json: string }[];
  return new Map(rows.map((r) => [r.id, r.json]));
}

/** How many responses the store holds. */
export const countRows = (store: SqliteStore) => (store.db.prepare('SELECT COUNT(*) AS n FROM responses').get() as { n: number }).n;

/** An error answer: 4xx, JSON `{error: {code, message}}`, and nothing that looks like a stack trace. */
export function expectClientError(status: number, body: unknown): void {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  expect(typeof error?.code).toBe('string');
  expect(typeof error?.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+|SQLITE/);
}

/**
 * Checks one batch's per-item results against what was sent and what the store now holds:
 * valid items stored exactly, refused ones absent, and anything stored truly valid.
 */
export function checkBatch(store: SqliteStore, sent: Built[], results: { id: string; status: string; error?: { code: string } }[]): number {
  expect(results).toHaveLength(sent.length);
  const rows = rowsFor(store, sent.map((b) => b.id));
  let stored = 0;
  sent.forEach((b, i) => {
    const result = results[i]!;
    if (result.status === 'stored') stored++;
    if (b.item.kind === 'good') {
      expect(result).toEqual({ id: b.id, status: 'stored' });
      expect(rows.get(b.id)).toBe(canonicalJson(b.expected));
    } else if (b.item.kind === 'bad' || b.item.kind === 'junk') {
      expect(result.status).toBe('rejected');
      expect(result.error?.code).toBe(b.item.kind === 'bad' ? b.item.code : 'invalid');
      expect(rows.has(b.id)).toBe(false);
    } else if (result.status === 'stored') {
      const json = rows.get(result.id) ?? rowsFor(store, [result.id]).get(result.id);
      const parsed = ResponseSchema.safeParse(JSON.parse(json!));
      expect(parsed.success && validateResponse(pollSurvey, parsed.data)).toEqual([]);
    } else {
      expect(result.status).toBe('rejected');
      expect(rows.has(b.id)).toBe(false);
    }
  });
  return stored;
}
