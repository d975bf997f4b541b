import { z } from 'zod/mini';
import { CHANNELS, WaveSchema } from './response';
import { IsoTimeSchema as IsoTime } from './time';
import { JOIN_CODE_PATTERN } from './vocabulary';

export { normaliseJoinCode } from './vocabulary';

/** The letters of join codes: no 0/O, 1/I/L, so a code read off a projector cannot be mistyped (DESIGN §11). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** How many characters a join code has. */
export const JOIN_CODE_LENGTH = 6;
/** A join code as stored and shown: six characters of the alphabet, upper case. */
export const JoinCodeSchema = z.string().check(z.regex(JOIN_CODE_PATTERN));

const LabelText = z.string().check(z.minLength(1), z.maxLength(200));
/**
 * A wave's label in both languages. A plain string (what older clients and stored waves
 * have) is read as the same label in both.
 */
export const WaveLabelSchema = z.union([
  z.object({ ko: LabelText, en: LabelText }),
  z.pipe(LabelText, z.transform((text: string) => ({ ko: text, en: text }))),
]);
export type WaveLabel = z.infer<typeof WaveLabelSchema>;

/** Targets per stakeholder group for a field round: `{group: positive integer}`. */
export const QuotasSchema = z.record(z.string(), z.int().check(z.gte(1), z.lte(1_000_000)));

/**
 * A wave an organiser registered: a label, a start that orders trends, an optional close
 * and device rule, the channel its join link opens, whether it is a test (only test waves'
 * responses may be deleted in bulk), quotas per group, and the join code the server assigns.
 */
export const WaveDefinitionSchema = z.object({
  slug: WaveSchema,
  label: WaveLabelSchema,
  startsAt: IsoTime,
  oneResponsePerDevice: z.boolean(),
  closesAt: z.optional(z.nullable(IsoTime)),
  channel: z.optional(z.enum(CHANNELS)),
  test: z.optional(z.boolean()),
  quotas: z.optional(QuotasSchema),
  code: z.optional(JoinCodeSchema),
});
export type WaveDefinition = z.infer<typeof WaveDefinitionSchema>;

/** Whether a response submitted at `submittedAt` comes after the wave closed (delivery time does not matter). */
export function submittedAfterClose(wave: Pick<WaveDefinition, 'closesAt'> | undefined, submittedAt: string): boolean {
  return !!wave?.closesAt && Date.parse(submittedAt) > Date.parse(wave.closesAt);
}

/** Whether a wave is closed at `now` (ms). */
export function isClosed(wave: Pick<WaveDefinition, 'closesAt'>, now: number): boolean {
  return !!wave.closesAt && Date.parse(wave.closesAt) <= now;
}

/** A new join code from `random` (uniform in [0, 1)); the caller checks it is not taken. */
export function newJoinCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[Math.floor(random() * JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * What `GET /join/:code` answers: the wave a code opens, with its survey, channel and label,
 * when it runs, whether it has closed, and whether it takes one response per device (absent
 * from servers before that field).
 */
export const JoinAnswerSchema = z.object({
  code: JoinCodeSchema,
  surveyId: z.string(),
  wave: WaveSchema,
  channel: z.enum(CHANNELS),
  label: WaveLabelSchema,
  startsAt: IsoTime,
  closesAt: z.nullable(IsoTime),
  closed: z.boolean(),
  oneResponsePerDevice: z.optional(z.boolean()),
});
export type JoinAnswer = z.infer<typeof JoinAnswerSchema>;
