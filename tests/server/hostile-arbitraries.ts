import fc from 'fast-check';

/*
 * Payloads are built as JSON *text*, not as values: only text can carry 1e309, -0, an own
 * `__proto__` key or 5,000 levels of nesting to the server the way a hostile client would.
 * A fragment is one JSON value as text.
 */

/** `{"k": <fragment>, …}` from entries whose values are already JSON text. */
export const objText = (entries: [string, string][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

const str = (s: string) => JSON.stringify(s);
const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

/** Odd Unicode: a lone surrogate, NUL, BOM, right-to-left override, zero-width space, combining marks, emoji. */
export const ODD = ['\ud800', '\udfff', '\u0000', '\ufeff', '\u202e', '\u200b', 'e\u0301\u0301\u0301', '👩‍👩‍👧‍👦', '\u{10ffff}'];

/** Strings no slug, UUID, enum or time accepts: they start with an odd character. */
export const oddString = fc.tuple(fc.constantFrom(...ODD), fc.string({ unit: 'binary', maxLength: 30 })).map(([odd, rest]) => str(odd + rest));

/** Deeply nested arrays or objects, up to 5,000 levels. */
export const deep = fc.tuple(fc.integer({ min: 20, max: 5000 }), fc.boolean()).map(([d, arrays]) => (arrays ? nested(d, '[', ']') : nested(d, '{"a":', '}')));

/** Strings beyond any field's limit (the longest allowed is a 20,000-character answer). */
export const huge = fc.tuple(fc.integer({ min: 20_001, max: 60_000 }), fc.constantFrom('x', '한', '\u0000', '"')).map(([n, c]) => str(c.repeat(n)));

const SCALARS = ['1e309', '-1e309', '-0', '0', '1.5', '1e-400', '9007199254740993', 'null', 'true', 'false', '""', '[]', '{}'];
const PROTO = ['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"__proto__":null}', '["__proto__"]'];

/** Any hostile JSON value: odd numbers, wrong types, prototype keys, odd Unicode, nesting, huge strings, random JSON. */
export const anyFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SCALARS, ...PROTO) },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: huge },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
);

const UUIDISH = '0190b6c4-1d2e-7abc-8def-0123456789ab';
const long = (n: number) => str('x'.repeat(n));

/**
 * For each field of a poll response, values that must be refused, with the code they get.
 * Each is wrong for that field whatever the rest of the response holds.
 */
export const BAD_FIELDS: Record<string, [string[], 'invalid' | 'unknown_survey']> = {
  id: [['""', str('not-a-uuid'), str(`${UUIDISH}\n`), str(UUIDISH.replaceAll('-', '')), str('00000000-0000-0000-0000-000000000000'), str(`${UUIDISH.slice(0, -1)}g`), str('０１９０b6c4-1d2e-7abc-8def-0123456789ab'), '12345', 'null', '[]', '{}', '1e309', long(100_000)], 'invalid'],
  surveyId: [[str('__proto__'), str('Poll'), str('poll/../private'), '""', '5', 'null', long(65)], 'invalid'],
  surveyVersion: [['0', '-1', '-0', '1.5', '1e309', str('1'), 'null', 'true', '[1]'], 'invalid'],
  wave: [['""', str('Hall A'), long(65), str('open\u0000'), str('é'), '5', 'null'], 'invalid'],
  channel: [[str('WEB'), str('email'), '""', '0', 'null'], 'invalid'],
  locale: [[str('fr'), str('KO'), 'null', '[]'], 'invalid'],
  device: [[str('short'), str('has space here'), long(65), str('한국어디바이스이름'), 'null'], 'invalid'],
  startedAt: [[str('2025-06-01'), str('2025-06-01T09:00:00+09:00'), str('2025-13-01T00:00:00Z'), str('yesterday'), '0', '1e309', 'null'], 'invalid'],
  submittedAt: [[str('2025-06-01 09:03'), str('2025-06-31T25:00:00Z'), '-0', 'null'], 'invalid'],
  collector: [['""', long(81), '5', 'null'], 'invalid'],
  answers: [['[]', 'null', str('x'), '5', '{}', '{"__proto__":{"polluted":true}}'], 'invalid'],
  'answers.agree': [['0', '6', '-0', '3.5', '1e309', '-1e309', str('4'), '[4]', '{}', 'null', 'true'], 'invalid'],
  'answers.spec': [['6', '-6', '0.5', '1e309', str('0')], 'invalid'],
  'answers.role': [[str('nope'), '["industry"]', '5', str('INDUSTRY'), str('__proto__'), str('constructor')], 'invalid'],
  'answers.sectors': [['["x","x"]', '["x","y","z"]', '[]', '["nope"]', str('x')], 'invalid'],
  'answers.budget': [['{"a":50,"b":30,"c":30}', '{"a":100,"b":-0,"c":10}', '{"a":50,"__proto__":50}', '{"a":55,"b":45}', '{"a":-10,"b":110}', '{"a":1e309}', '{"a":100.5,"b":-0.5}', '{"constructor":100}', '{"a":"100"}', '[100]', '{}'], 'invalid'],
  'answers.rank': [['["x","x"]', '["y","y"]', '["x"]', '["x","y","z"]', '["x","nope"]', str('x'), '[]'], 'invalid'],
  'answers.why': [[long(201), str(' padded '), '""', str('\n'), '5'], 'invalid'],
  'answers.constructor': [['3'], 'invalid'],
  'answers.nope': [['1'], 'invalid'],
};

/** Unknown surveys and versions: a valid shape, but nothing here to check it against. */
export const UNKNOWN: [string, string][] = [
  ['surveyId', str('nope')],
  ['surveyId', str('constructor')],
  ['surveyId', str('valueof')],
  ['surveyVersion', '2'],
  ['surveyVersion', '99'],
  ['surveyVersion', '2147483648'],
];

/** One refused item: a field (or `answers.<question>`) set to a value it can never take. */
export type BadItem = { kind: 'bad'; path: string; fragment: string; code: string };
/** One item with a hostile value anywhere: it may or may not be acceptable. */
export type NoiseItem = { kind: 'noise'; path: string; fragment: string };
/**
 * A valid item, dressed up: odd Unicode in the comment and collector, -0 amounts, and
 * `__proto__`/`constructor` keys beside the fields and a `__proto__` answer (the schema
 * drops such keys rather than letting them reach a prototype, so the rest is stored).
 */
export type GoodItem = { kind: 'good'; comment?: string; collector?: string; negativeZero: boolean; extraKeys: boolean };
/** Not an object at all. */
export type JunkItem = { kind: 'junk'; fragment: string };
/** One item of a batch. */
export type Item = BadItem | NoiseItem | GoodItem | JunkItem;

const badField = fc.constantFrom(...Object.keys(BAD_FIELDS)).chain((path) =>
  fc.constantFrom(...BAD_FIELDS[path]![0]).map((fragment): BadItem => ({ kind: 'bad', path, fragment, code: BAD_FIELDS[path]![1] })),
);
const badGenerated = fc.oneof(
  fc.tuple(fc.constantFrom('id', 'wave', 'device', 'channel', 'locale', 'startedAt', 'answers.role'), oddString),
  fc.tuple(fc.constantFrom('answers.agree', 'answers.budget', 'answers.rank', 'answers.sectors', 'answers', 'surveyVersion'), deep),
  fc.tuple(fc.constantFrom('id', 'wave', 'answers.why', 'answers.role', 'device'), huge),
).map(([path, fragment]): BadItem => ({ kind: 'bad', path, fragment, code: 'invalid' }));
const unknownSurvey = fc.constantFrom(...UNKNOWN).map(([path, fragment]): BadItem => ({ kind: 'bad', path, fragment, code: 'unknown_survey' }));

const PATHS = [...Object.keys(BAD_FIELDS), '__proto__', 'constructor', 'extra'];
const comment = fc.tuple(fc.constantFrom(...ODD, 'ok'), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...ODD, '.'))
  .map(([a, b, c]) => `x${a}${b}${c}x`.replace(/\s+/g, ' '))
  .filter((s) => [...s].length <= 200);

/** Any one batch item, a third of them valid. */
export const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(badField, badGenerated, unknownSurvey) },
  { weight: 2, arbitrary: fc.record({ path: fc.constantFrom(...PATHS), fragment: anyFragment }).map((n): NoiseItem => ({ kind: 'noise', ...n })) },
  { weight: 3, arbitrary: fc.record({ comment: fc.option(comment, { nil: undefined }), collector: fc.option(comment.map((s) => s.slice(0, 40)), { nil: undefined }), negativeZero: fc.boolean(), extraKeys: fc.boolean() }).map((g): GoodItem => ({ kind: 'good', ...g })) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...SCALARS, '"x"', '[[]]'), deep, oddString).map((fragment): JunkItem => ({ kind: 'junk', fragment })) },
);

/** Bodies every JSON endpoint must refuse as a whole: not JSON, not an object, or nested beyond reason. */
export const junkBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '\u0000', '{"responses":[1,]}', '\ufeff{"responses":[]}', 'null', '[]', '5', '"x"', '{}', '{"responses":null}', '{"responses":{}}', '{"responses":[]}', '{"responses":"x"}', '{"__proto__":{"responses":[{}]}}', '{"Responses":[{}]}'),
  fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
  deep,
);
