import { createSignal, onCleanup } from 'solid-js';
import { clampInterval, type Interval } from '../../core/interval';
import { allQuestions, type Survey } from '../../core/survey';
import { locale, tx } from '../i18n';
import { ot, type OrganiserStringKey } from './strings';
import type { WaveRow } from './types';

const numberFormat = () => new Intl.NumberFormat(locale() === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 1 });

/** A share in [0, 1] as a whole percentage. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A figure with at most one decimal, in the current locale. */
export const num = (value: number | null | undefined) => (value === null || value === undefined ? '—' : numberFormat().format(value));

/** A scale's ends, which a mean's interval cannot pass: 1–5 for a Likert item, 0–total for an allocation. */
export type Scale = [number, number];

/** "3.4 (95% CI 3.1–3.7)" with the interval cut to the scale, or the mean alone when there is no interval. */
export function meanText(mean: number | null, ci: Interval, scale: Scale): string {
  if (mean === null) return '—';
  const shown = clampInterval(ci, ...scale).ci;
  return shown ? `${num(mean)} (${ot('ci')} ${num(shown[0])}–${num(shown[1])})` : num(mean);
}

/** The note under a chart whose interval was cut to its scale, with the interval as computed; undefined when none was cut. */
export function clampNote(intervals: Interval[], scale: Scale): string | undefined {
  const cut = intervals.find((ci) => clampInterval(ci, ...scale).clamped);
  if (!cut) return undefined;
  return ot('clampedNote').replace('{min}', num(scale[0])).replace('{max}', num(scale[1])).replace('{ci}', `${num(cut[0])}–${num(cut[1])}`);
}

/**
 * A date and time in the UI's language, not the browser's: Korean dates in the Korean
 * UI whatever the browser is set to ("full" adds the weekday, for a date being chosen).
 */
export function dateTime(iso: string, dateStyle: 'medium' | 'full' = 'medium'): string {
  return new Intl.DateTimeFormat(locale() === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle, timeStyle: 'short' }).format(new Date(iso));
}

/** How long ago `iso` was, in words: "just now", "5 min ago", "2 h ago", "3 d ago". */
export function ageText(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return ot('justNow');
  const [amount, unit]: [number, OrganiserStringKey] = minutes < 60 ? [minutes, 'minutes'] : minutes < 1440 ? [Math.floor(minutes / 60), 'hours'] : [Math.floor(minutes / 1440), 'days'];
  return locale() === 'ko' ? `${amount}${ot(unit)} ${ot('ago')}` : `${amount} ${ot(unit)} ${ot('ago')}`;
}

/** The current time, ticking every `ms`, for ages that must not go stale on screen. */
export function createNow(ms = 15_000) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), ms);
  onCleanup(() => clearInterval(timer));
  return now;
}

/** A channel's name. */
export function channelName(channel: string): string {
  return channel === 'conference' || channel === 'field' || channel === 'web' ? ot(channel) : channel;
}

/** A stakeholder group's name: the label of its option in the survey's `segmentBy` question. */
export function groupName(survey: Survey | undefined, group: string): string {
  if (group === '_none') return ot('noGroup');
  const question = survey && allQuestions(survey).find((q) => q.id === survey.segmentBy);
  const option = question && 'options' in question ? question.options.find((o) => o.id === group) : undefined;
  return option ? tx(option.label) : group;
}

/** The count of all filtered responses, or "fewer than 5" when the server withheld it. */
export const countText = (count: number | null) => (count === null ? ot('fewerThan5') : String(count));

/**
 * A group's or wave's count, or "withheld": in a breakdown the server also holds back the
 * smallest shown segment when the small ones could be worked out from the total, so a
 * withheld segment is not always one of fewer than 5.
 */
export const segmentCount = (count: number | null) => (count === null ? ot('withheld') : String(count));

/** A wave's name in the UI language: its label when registered with one, else its slug. */
export function waveName(waves: WaveRow[], slug: string): string {
  const label = waves.find((w) => w.slug === slug)?.label;
  return label ? tx(label) : slug;
}
