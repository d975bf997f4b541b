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
