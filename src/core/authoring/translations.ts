import type { Locale } from '../vocabulary';

/** One text written in one language and not the other: where it is, and which language it lacks. */
export type MissingTranslation = { path: (string | number)[]; missing: Locale };

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function isText(value: unknown): value is { ko: unknown; en: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'ko' in value && 'en' in value && Object.keys(value).length === 2;
}

/**
 * Every text of a definition that is written in one language only, in document order. A
 * text empty in both is not a missing translation but a missing text, which the survey's
 * own checks report. The walk is bounded by depth, since a draft can be any JSON.
 */
export function missingTranslations(definition: unknown): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (path.length > 12 || typeof value !== 'object' || value === null) return;
    if (isText(value)) {
      if (blank(value.ko) !== blank(value.en)) out.push({ path, missing: blank(value.ko) ? 'ko' : 'en' });
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else for (const [key, v] of Object.entries(value)) walk(v, [...path, key]);
  };
  walk(definition, []);
  return out;
}

/**
 * A definition with every text in `locale` alone (both sides the same), and `placeholder`
 * where that language has none yet: what a respondent in that language would read, so a
 * preview can show it whatever language the organiser's screen is in.
 */
export function inOneLanguage<T>(definition: T, locale: Locale, placeholder: string): T {
  const walk = (value: unknown, depth: number): unknown => {
    if (depth > 12 || typeof value !== 'object' || value === null) return value;
    if (isText(value)) {
      const text = blank(value[locale]) ? placeholder : (value[locale] as string);
      return { ko: text, en: text };
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, depth + 1)]));
  };
  return walk(definition, 0) as T;
}
