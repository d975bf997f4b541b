// Plain constants and patterns with no zod, so code that needs only these (the respondent's
// first screens) does not pull the schema library into the first load.

/** The survey languages; every text is given in both. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** How a response reached us: a conference link, a field device, or the open web. */
export const CHANNELS = ['conference', 'field', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The wave used when a link names none. */
export const DEFAULT_WAVE = 'open';
/**
 * A wave slug from a link: `[a-z0-9-]`, 1 to 64 characters, at least one of them a letter
 * or digit (a slug of hyphens alone names nothing and was used to grief the results).
 */
export const WAVE_PATTERN = /^(?=[a-z0-9-]{1,64}$)-*[a-z0-9][a-z0-9-]*$/;
/** Ids of surveys, sections, questions and options: short, URL- and CSV-safe. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A join code as stored and shown: six characters of the unambiguous alphabet, upper case (DESIGN §11). */
export const JOIN_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{6}$/;

/** A join code as typed: any case, surrounding spaces ignored; undefined when it cannot be one. */
export function normaliseJoinCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  return JOIN_CODE_PATTERN.test(code) ? code : undefined;
}

/**
 * The answer "don't know" to a likert or spectrum question that offers it (`dontKnow: true`):
 * counted and shown as a share, never a point on the scale, so it stays out of means.
 */
export const DONT_KNOW = 'dk';
