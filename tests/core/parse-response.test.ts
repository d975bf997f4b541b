import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseResponse, ResponseSchema } from '../../src/core/response';
import { anyFragment, BAD_FIELDS } from '../server/hostile-arbitraries';
import { fixtureResponse } from './fixtures';

const base = { ...fixtureResponse, answers: { group: 'a', agree: 4, alloc: { x: 60, y: 40 }, rank: ['x', 'y'], note: '좋아요' } };

/**
 * Every key at every depth in order, with each object's prototype, so that a copy with its
 * keys in another order is told apart (toStrictEqual cannot compare objects that own a
 * `constructor` key).
 */
const shape = (value: unknown): unknown =>
  Array.isArray(value) ? ['array', value.length, ...value.map(shape)]
  : value !== null && typeof value === 'object' ? [Object.getPrototypeOf(value), ...Object.entries(value).map(([k, v]) => [k, shape(v)])]
  : value;

/** parseResponse must answer exactly as zod does: the same verdict, and on success the same data with its keys in the same order. */
function expectSameAsZod(raw: unknown): void {
  const fast = parseResponse(raw);
  const zod = ResponseSchema.safeParse(raw);
  expect(fast.success).toBe(zod.success);
  if (zod.success && fast.success) {
    expect(shape(fast.data)).toEqual(shape(zod.data));
  } else {
    expect(fast.error?.issues).toEqual(zod.error?.issues);
  }
}

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/);
const optionId = fc.oneof(slug, fc.constant('x'.repeat(64)));
/** Answers zod accepts, limits included. */
const validAnswer = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -3, max: 12 }),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('dk', '', 'constructor', 'x'.repeat(20_000))),
  fc.array(optionId, { maxLength: 50 }),
  fc.dictionary(fc.oneof(slug, fc.string({ maxLength: 64 })), fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double({ noNaN: true, noDefaultInfinity: true }))),
);
const invalidAnswer = fc.oneof(
  fc.constantFrom(NaN, Infinity, 'x'.repeat(20_001), null, true, [1], ['x'.repeat(65)], { k: 'x' }, { ['k'.repeat(65)]: 1 }, { x: { y: 1 } }),
  fc.array(optionId, { minLength: 51, maxLength: 52 }),
  fc.anything({ maxDepth: 2 }),
);
const validFields = {
  id: fc.constantFrom(base.id, base.id.toUpperCase(), '0190b6c4-1d2e-7abc-8def-0123456789ab'),
  surveyId: slug,
  surveyVersion: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.MAX_SAFE_INTEGER)),
  wave: fc.constantFrom('day-1', '-a', '0', 'a'.repeat(64)),
  channel: fc.constantFrom('conference', 'field', 'web'),
  device: fc.constantFrom('device-123456', 'd'.repeat(8), 'd'.repeat(64)),
  locale: fc.constantFrom('ko', 'en'),
  startedAt: fc.constantFrom('2026-11-29T01:00:00.000Z', '2026-11-29T01:03:00Z'),
  submittedAt: fc.constantFrom('2026-11-29T01:03:00Z', '2026-11-29T01:03:00.000Z', '2026-11-29T02:00:00.5Z'),
  answers: fc.dictionary(slug, validAnswer, { maxKeys: 12 }),
};
const invalidFields: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.constantFrom('not-a-uuid', `${base.id}\n`, 5),
  surveyId: fc.constantFrom('__proto__', 'Poll', ''),
  surveyVersion: fc.constantFrom(0, -1, 1.5, 2 ** 53, '1', -0),
  wave: fc.constantFrom('---', '', 'a'.repeat(65), 'Day-1'),
  channel: fc.constantFrom('email', 'WEB'),
  collector: fc.constantFrom('', 'c'.repeat(81), 5, null, undefined),
  device: fc.constantFrom('short', 'd'.repeat(65), 'has space here'),
  locale: fc.constantFrom('ja', 'KO'),
  startedAt: fc.constantFrom('2026-11-29T01:03:00.001Z', '2026-02-30T00:00:00Z', '2026-11-29T01:03:00', '0000-01-01T00:00:00Z'),
  submittedAt: fc.constantFrom('2026-11-29T00:59:59Z', '2026-11-29T24:00:00Z', ''),
  answers: fc.oneof(fc.dictionary(fc.oneof(slug, fc.string({ maxLength: 5 })), fc.oneof(validAnswer, invalidAnswer), { minKeys: 1, maxKeys: 6 }), fc.anything({ maxDepth: 1 })),
};
const validResponse = fc.record({ ...validFields, collector: fc.constantFrom('김조사', 'c', 'c'.repeat(80)), extra: fc.anything({ maxDepth: 1 }) }, { requiredKeys: Object.keys(validFields) as (keyof typeof validFields)[] });
/** Valid responses, and valid responses with one field made wrong (or dropped, or replaced by anything). */
const response = fc.oneof(
  validResponse,
  fc.tuple(validResponse, fc.constantFrom(...Object.keys(invalidFields)), fc.oneof(fc.constant('wrong'), fc.constant('dropped'), fc.constant('anything'))).chain(([r, key, how]) =>
    (how === 'wrong' ? invalidFields[key]! : fc.anything({ maxDepth: 1 })).map((value) => {
      const out: Record<string, unknown> = { ...r };
      if (how === 'dropped') delete out[key];
      else out[key] = value;
      return out;
    })),
);

describe('parseResponse', () => {
  afterEach(() => vi.restoreAllMocks());

  it('checks a plain valid response itself, without zod, and returns what zod returns', () => {
    const zod = vi.spyOn(ResponseSchema, 'safeParse');
    const fast = parseResponse({ ...base, collector: '김조사', extra: 1 });
    expect(zod).not.toHaveBeenCalled();
    zod.mockRestore();
    expect(fast).toStrictEqual(ResponseSchema.safeParse({ ...base, collector: '김조사', extra: 1 }));
  });

  it('answers as zod does for generated responses, valid or not', () => {
    fc.assert(fc.property(response, (raw) => expectSameAsZod(raw)), { numRuns: 3000 });
  });

  it('answers as zod does for every hostile field value, sent as JSON text', () => {
    const text = JSON.stringify(base);
    // A function as replacement, so that `$` in a fragment is taken literally.
    const withField = (key: string, fragment: string, inAnswers: boolean): unknown =>
      JSON.parse(inAnswers ? text.replace('"answers":{', () => `"answers":{${JSON.stringify(key)}:${fragment},`) : text.replace(/}$/, () => `,${JSON.stringify(key)}:${fragment}}`));
    for (const [path, [fragments]] of Object.entries(BAD_FIELDS)) {
      for (const fragment of fragments) expectSameAsZod(withField(path.split('.').at(-1)!, fragment, path.startsWith('answers.')));
    }
    fc.assert(fc.property(anyFragment, fc.constantFrom(...Object.keys(base), 'agree', 'alloc', 'rank'), (fragment, key) => {
      expectSameAsZod(withField(key, fragment, !(key in base)));
    }), { numRuns: 500 });
  });

  it.each([
    ['an own __proto__ answer', '{"__proto__":4,"agree":4}'],
    ['an own __proto__ in an allocation', '{"alloc":{"__proto__":5,"x":100}}'],
    ['a constructor answer', '{"constructor":{"x":1}}'],
    ['200 answers', JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`q${i}`, i])))],
    ['201 answers', JSON.stringify(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`q${i}`, i])))],
    ['answers keyed by digits', '{"10":1,"9":2,"a":3}'],
  ])('answers as zod does for %s', (_name, answersText) => {
    expectSameAsZod(JSON.parse(JSON.stringify(base).replace(/"answers":\{.*\}\}$/, `"answers":${answersText}}`)));
  });

  it('answers as zod does at each limit and one past it', () => {
    const picks = (n: number, length = 2) => Array.from({ length: n }, (_, i) => String(i).padStart(length, 'x'));
    const answersAt = [
      { note: 'x'.repeat(20_000) }, { note: 'x'.repeat(20_001) },
      { rank: picks(50) }, { rank: picks(51) }, { rank: picks(1, 64) }, { rank: picks(1, 65) },
      { alloc: { ['k'.repeat(64)]: 1 } }, { alloc: { ['k'.repeat(65)]: 1 } }, { alloc: {} }, { rank: [] },
      { ['q'.repeat(64)]: 1 }, { ['q'.repeat(65)]: 1 }, { agree: -0 }, { agree: Number.MAX_VALUE },
    ];
    for (const answers of answersAt) expectSameAsZod({ ...base, answers });
    for (const collector of ['c', 'c'.repeat(80), 'c'.repeat(81), '']) expectSameAsZod({ ...base, collector });
    for (const surveyVersion of [1, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1]) expectSameAsZod({ ...base, surveyVersion });
    for (const device of ['d'.repeat(7), 'd'.repeat(8), 'd'.repeat(64), 'd'.repeat(65)]) expectSameAsZod({ ...base, device });
    for (const startedAt of [base.submittedAt, '2026-11-29T01:03:00.001Z']) expectSameAsZod({ ...base, startedAt });
  });

  it('leaves objects that are not plain to zod', () => {
    expectSameAsZod(Object.assign(Object.create(null), base));
    expectSameAsZod({ ...base, answers: Object.assign(Object.create(null), base.answers) });
    expectSameAsZod({ ...base, answers: { ...base.answers, [Symbol('s')]: 1 } });
    expectSameAsZod({ ...base, collector: undefined });
    expectSameAsZod({ ...base, answers: { ...base.answers, rank: ['x', , 'y'] } });
  });
});
