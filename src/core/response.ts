import { z } from 'zod/mini';
import { UUID_PATTERN } from './ids';
import { SlugSchema } from './survey';
import { IsoTimeSchema, isRealInstant } from './time';
import { CHANNELS, DEFAULT_WAVE, DONT_KNOW, LOCALES, SLUG_PATTERN, WAVE_PATTERN, type Channel } from './vocabulary';

export { CHANNELS, DEFAULT_WAVE, DONT_KNOW, type Channel };

/** A wave slug from a link: `[a-z0-9-]`, at most 64 characters, holding a letter or digit. */
export const WaveSchema = z.string().check(z.regex(WAVE_PATTERN));

// The limits of a response, shared by the schema and by `parseResponse`'s hand-written checks.
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_ANSWERS = 200;
const MAX_TEXT = 20_000;
const MAX_PICKS = 50;
const MAX_OPTION_ID = 64;
const MAX_COLLECTOR = 80;

/** One answer: a number (or DONT_KNOW), an option id, option ids, an allocation or trimmed text. */
export const AnswerValueSchema = z.union([
  z.number().check(z.refine(Number.isFinite, 'must be finite')),
  z.string().check(z.maxLength(MAX_TEXT)),
  z.array(z.string().check(z.maxLength(MAX_OPTION_ID))).check(z.maxLength(MAX_PICKS)),
  z.record(z.string().check(z.maxLength(MAX_OPTION_ID)), z.number().check(z.refine(Number.isFinite, 'must be finite'))),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type Answers = Record<string, AnswerValue>;

const ResponseShapeSchema = z.object({
  id: z.string().check(z.regex(UUID_PATTERN)),
  surveyId: SlugSchema,
  surveyVersion: z.int().check(z.gte(1)),
  wave: WaveSchema,
  channel: z.enum(CHANNELS),
  collector: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_COLLECTOR))),
  device: z.string().check(z.regex(DEVICE_PATTERN)),
  locale: z.enum(LOCALES),
  startedAt: IsoTimeSchema,
  submittedAt: IsoTimeSchema,
  answers: z.record(SlugSchema, AnswerValueSchema).check(
    z.refine((a) => Object.keys(a).length <= MAX_ANSWERS, 'too many answers'),
  ),
});

/**
 * A completed response as it travels from the device to the server (DESIGN §4). A response
 * cannot be submitted before it was started; how far `submittedAt` may run ahead of the
 * server's clock is the server's check (`beyondClockSkew`), since core has no clock.
 */
export const ResponseSchema = ResponseShapeSchema.check(
  z.refine((r) => Date.parse(r.startedAt) <= Date.parse(r.submittedAt), { message: 'startedAt is after submittedAt', path: ['startedAt'] }),
);
export type Response = z.infer<typeof ResponseShapeSchema>;

/**
 * `ResponseSchema.safeParse`, faster for the responses a server mostly receives. zod's
 * generic walk was a sixth of the server's CPU per stored response, so a response made of
 * plain JSON values that meets every rule is checked by hand and copied as zod copies it
 * (known keys in schema order, fresh answers); anything else, valid or not, goes to zod
 * itself, so every refusal keeps zod's issues.
 */
export function parseResponse(raw: unknown): ReturnType<typeof ResponseSchema.safeParse> {
  const data = plainResponse(raw);
  return data ? { success: true, data } : ResponseSchema.safeParse(raw);
}

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isMatch = (value: unknown, pattern: RegExp): value is string => typeof value === 'string' && pattern.test(value);
const isOneOf = <T extends string>(value: unknown, values: readonly T[]): value is T => values.includes(value as T);
const isInstant = (value: unknown): value is string => typeof value === 'string' && isRealInstant(value);

/**
 * A plain object as zod's record copies it whole: the object prototype, no symbol keys and
 * no own `__proto__` (zod's record drops that key silently, so zod must decide).
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
    && !Object.hasOwn(value, '__proto__') && Object.getOwnPropertySymbols(value).length === 0;
}

/** The response zod would return for `raw`, or undefined when zod has to decide. */
function plainResponse(raw: unknown): Response | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const { id, surveyId, surveyVersion, wave, channel, device, locale, startedAt, submittedAt } = raw;
  if (!isMatch(id, UUID_PATTERN) || !isMatch(surveyId, SLUG_PATTERN) || !isMatch(wave, WAVE_PATTERN) || !isMatch(device, DEVICE_PATTERN)) return undefined;
  if (typeof surveyVersion !== 'number' || !Number.isSafeInteger(surveyVersion) || surveyVersion < 1) return undefined;
  if (!isOneOf(channel, CHANNELS) || !isOneOf(locale, LOCALES)) return undefined;
  if (!isInstant(startedAt) || !isInstant(submittedAt) || !(Date.parse(startedAt) <= Date.parse(submittedAt))) return undefined;
  const answers = plainAnswers(raw.answers);
  if (!answers) return undefined;
  if (!('collector' in raw)) return { id, surveyId, surveyVersion, wave, channel, device, locale, startedAt, submittedAt, answers };
  const collector = raw.collector;
  if (!isString(collector, MAX_COLLECTOR) || collector.length < 1) return undefined;
  return { id, surveyId, surveyVersion, wave, channel, collector, device, locale, startedAt, submittedAt, answers };
}

function plainAnswers(raw: unknown): Answers | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const keys = Object.keys(raw);
  if (keys.length > MAX_ANSWERS) return undefined;
  const answers: Answers = {};
  for (const key of keys) {
    const value = SLUG_PATTERN.test(key) ? plainAnswer(raw[key]) : undefined;
    if (value === undefined) return undefined;
    answers[key] = value;
  }
  return answers;
}

/** One answer as the first option of `AnswerValueSchema` that takes it returns it. */
function plainAnswer(value: unknown): AnswerValue | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.length <= MAX_TEXT ? value : undefined;
  if (Array.isArray(value)) {
    if (value.length > MAX_PICKS) return undefined;
    const picks: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const pick: unknown = value[i];
      if (!isString(pick, MAX_OPTION_ID)) return undefined;
      picks.push(pick);
    }
    return picks;
  }
  if (!isPlainRecord(value)) return undefined;
  const allocation: Record<string, number> = {};
  for (const key of Object.keys(value)) {
    const amount = value[key];
    if (key.length > MAX_OPTION_ID || typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
    allocation[key] = amount;
  }
  return allocation;
}
