import { z } from 'zod/mini';
import { UUID_PATTERN } from './ids';
import { SlugSchema } from './survey';
import { IsoTimeSchema } from './time';
import { CHANNELS, DEFAULT_WAVE, DONT_KNOW, LOCALES, WAVE_PATTERN, type Channel } from './vocabulary';

export { CHANNELS, DEFAULT_WAVE, DONT_KNOW, type Channel };

/** A wave slug from a link: `[a-z0-9-]`, at most 64 characters, holding a letter or digit. */
export const WaveSchema = z.string().check(z.regex(WAVE_PATTERN));

/** One answer: a number (or DONT_KNOW), an option id, option ids, an allocation or trimmed text. */
export const AnswerValueSchema = z.union([
  z.number().check(z.refine(Number.isFinite, 'must be finite')),
  z.string().check(z.maxLength(20_000)),
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)),
  z.record(z.string().check(z.maxLength(64)), z.number().check(z.refine(Number.isFinite, 'must be finite'))),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type Answers = Record<string, AnswerValue>;

const ResponseShapeSchema = z.object({
  id: z.string().check(z.regex(UUID_PATTERN)),
  surveyId: SlugSchema,
  surveyVersion: z.int().check(z.gte(1)),
  wave: WaveSchema,
  channel: z.enum(CHANNELS),
  collector: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  device: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  locale: z.enum(LOCALES),
  startedAt: IsoTimeSchema,
  submittedAt: IsoTimeSchema,
  answers: z.record(SlugSchema, AnswerValueSchema).check(
    z.refine((a) => Object.keys(a).length <= 200, 'too many answers'),
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
