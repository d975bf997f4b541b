import { z } from 'zod/mini';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;

/**
 * Whether `text` is a real instant written as ISO 8601 in UTC (`YYYY-MM-DDTHH:MM:SS[.sss]Z`).
 * `Date.parse` alone is too lenient: it rolls `2025-02-30` over to 2 March, reads `T24:00:00`
 * as the next midnight and takes the year 0000, none of which a clock ever shows. So every
 * field is checked against the date it builds.
 */
export function isRealInstant(text: string): boolean {
  const match = ISO_INSTANT.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real instant as ISO 8601 UTC: responses' `startedAt` and `submittedAt`, waves' start and close. */
export const IsoTimeSchema = z.string().check(z.refine(isRealInstant, 'not a real time in ISO 8601 UTC (YYYY-MM-DDTHH:MM:SS.sssZ)'));

/**
 * How far ahead of the server's clock a `submittedAt` may be. A phone set to the right local
 * time in the wrong time zone is off by up to a day; anything further is no clock's error.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Whether `submittedAt` lies further in the future than the allowed skew, by the clock reading `now`. */
export function beyondClockSkew(submittedAt: string, now: number): boolean {
  return Date.parse(submittedAt) > now + MAX_CLOCK_SKEW_MS;
}
