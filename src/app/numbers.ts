import type { Locale } from '../core/vocabulary';

/** A phrase with a count: Korean has one form; English has one for 1 and one for the rest. */
export type CountText = { ko: string; en: { one: string; other: string } };

const TAGS: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };
const rules = new Map<Locale, Intl.PluralRules>();

/** The BCP 47 tag the app formats numbers and dates with in each UI language. */
export function localeTag(locale: Locale): string {
  return TAGS[locale];
}

/** `text` for `n` in `locale`, the form picked by `Intl.PluralRules`, with `{n}` filled in. */
export function countText(text: CountText, n: number, locale: Locale): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(TAGS[locale])));
  const form = locale === 'ko' ? text.ko : rule.select(n) === 'one' ? text.en.one : text.en.other;
  return form.replace('{n}', formatNumber(n, locale));
}

/** A number as people write it in `locale` (grouping, at most `digits` decimals). */
export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: digits }).format(n);
}

/**
 * An amount with its unit. Korean writes a Hangul unit against the number ("100조 원",
 * "5명"); English, and Latin units, take a space ("100 trillion won", "0.6 MB").
 */
export function withUnit(n: number | string, unit: string, locale: Locale): string {
  const value = typeof n === 'number' ? formatNumber(n, locale, 1) : n;
  return locale === 'ko' && /^[가-힣%]/.test(unit) ? `${value}${unit}` : `${value} ${unit}`;
}

/** Bytes in the unit that keeps the number short: 640 KB, 0.6 MB, 10 GB. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return withUnit(formatNumber(value, locale, value < 10 && i > 0 ? 1 : 0), units[i]!, locale);
}

/** A moment as people read it in `locale`: the date and the time to the minute. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
}
