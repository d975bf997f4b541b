import { NO_GROUP } from '../../core/results';
import type { LocalizedText, Question, Survey } from '../../core/survey';
import { allQuestions } from '../../core/survey';
import { DONT_KNOW } from '../../core/vocabulary';
import type { Locale } from '../../core/vocabulary';
import type { WaveDefinition } from '../../core/waves';
import type { StoredResponse } from '../store/types';
import { CHANNEL_LABELS, DONT_KNOW_LABEL, LOCALE_LABELS, META_WORDING, NO_GROUP_LABEL, PICKED_LABELS, placeLabel, withOption } from './wording';

/** One cell of an export: text, a number, or nothing. */
export type Cell = string | number | undefined;
/** A code a column holds and what it means. */
export type Code = { code: string | number; label: LocalizedText };
/** What a column asked in some versions (a reworded question has one wording per version range). */
export type Wording = { versions: number[]; text: LocalizedText };

/**
 * One column of a raw export and of its codebook. `kind` says how to read the values:
 * the question's kind (`multiple` for a per-option column of a multiple choice), or for a
 * built-in column `text`, `number`, `code` or `time`.
 */
export type ExportColumn = { header: string; kind: string; wordings: Wording[]; codes: Code[]; value: (row: StoredResponse) => Cell };

const answer = (r: StoredResponse, id: string) => (Object.hasOwn(r.response.answers, id) ? r.response.answers[id] : undefined);
const scalar = (id: string) => (r: StoredResponse): Cell => {
  const a = answer(r, id);
  return typeof a === 'string' || typeof a === 'number' ? a : undefined;
};

type Meta = { header: keyof typeof META_WORDING; kind: string; value: (r: StoredResponse) => Cell; codes?: Code[] };

function metaColumns(latest: Survey, waves: WaveDefinition[]): Meta[] {
  const groups = allQuestions(latest).find((q) => q.id === latest.segmentBy);
  const groupCodes = groups && 'options' in groups ? groups.options.map((o) => ({ code: o.id, label: o.label })) : [];
  const labelled = (labels: Record<string, LocalizedText>) => Object.entries(labels).map(([code, label]) => ({ code, label }));
  return [
    { header: 'id', kind: 'text', value: (r) => r.response.id },
    { header: 'version', kind: 'number', value: (r) => r.response.surveyVersion },
    { header: 'wave', kind: 'code', value: (r) => r.response.wave, codes: waves.map((w) => ({ code: w.slug, label: w.label })) },
    { header: 'channel', kind: 'code', value: (r) => r.response.channel, codes: labelled(CHANNEL_LABELS) },
    { header: 'group', kind: 'code', value: (r) => r.group, codes: [...groupCodes, { code: NO_GROUP, label: NO_GROUP_LABEL }] },
    { header: 'collector', kind: 'text', value: (r) => r.response.collector },
    { header: 'locale', kind: 'code', value: (r) => r.response.locale, codes: labelled(LOCALE_LABELS) },
    { header: 'device', kind: 'text', value: (r) => r.response.device },
    { header: 'startedAt', kind: 'time', value: (r) => r.response.startedAt },
    { header: 'submittedAt', kind: 'time', value: (r) => r.response.submittedAt },
    { header: 'receivedAt', kind: 'time', value: (r) => r.receivedAt },
  ];
}

/** A column of one version, before the versions are merged. */
type Part = { header: string; kind: string; text: LocalizedText; codes: Code[]; value: (r: StoredResponse) => Cell };

function scaleCodes(q: Extract<Question, { kind: 'likert' | 'spectrum' }>): Code[] {
  const [low, high] = q.kind === 'likert' ? [1, q.points] : [q.min, q.max];
  return [{ code: low, label: q.labels.low }, { code: high, label: q.labels.high }, ...(q.dontKnow ? [{ code: DONT_KNOW, label: DONT_KNOW_LABEL }] : [])];
}

function optionPart(q: Extract<Question, { kind: 'choice' | 'allocation' | 'ranking' }>, option: { id: string; label: LocalizedText }): Part {
  const header = `${q.id}:${option.id}`;
  switch (q.kind) {
    case 'choice':
      return { header, kind: 'multiple', text: withOption(q.prompt, option.label), codes: PICKED_LABELS.map(([code, label]) => ({ code, label })), value: (r) => { const a = answer(r, q.id); return Array.isArray(a) ? (a.includes(option.id) ? 1 : 0) : undefined; } };
    case 'allocation':
      return { header, kind: 'allocation', text: withOption(q.prompt, option.label, q.unit), codes: [], value: (r) => { const a = answer(r, q.id); return a && typeof a === 'object' && !Array.isArray(a) ? (a[option.id] ?? 0) : undefined; } };
    case 'ranking': // the option's place, blank when it was not ranked
      return { header, kind: 'ranking', text: withOption(q.prompt, option.label), codes: Array.from({ length: q.pick }, (_, i) => ({ code: i + 1, label: placeLabel(i + 1) })), value: (r) => { const a = answer(r, q.id); return Array.isArray(a) && a.includes(option.id) ? a.indexOf(option.id) + 1 : undefined; } };
  }
}

/** A question's columns in one version: one, or one per option for multiple choice, allocation and ranking. */
function questionParts(q: Question, taken: ReadonlySet<string>): Part[] {
  if (q.kind === 'allocation' || q.kind === 'ranking' || (q.kind === 'choice' && q.multiple)) return q.options.map((o) => optionPart(q, o));
  // A question named like a built-in column (the sovereign-AI survey's `group`) gets its own header.
  const header = taken.has(q.id) ? `${q.id}:answer` : q.id;
  const codes = q.kind === 'likert' || q.kind === 'spectrum' ? scaleCodes(q) : q.kind === 'choice' ? q.options.map((o) => ({ code: o.id, label: o.label })) : [];
  return [{ header, kind: q.kind, text: q.prompt, codes, value: scalar(q.id) }];
}

const sameText = (a: LocalizedText, b: LocalizedText) => a.ko === b.ko && a.en === b.en;

/** Adds one version's part to its column: the version to its wording, and codes the column lacks. */
function merge(column: ExportColumn, part: Part, version: number): void {
  const wording = column.wordings.find((w) => sameText(w.text, part.text));
  if (wording) wording.versions.unshift(version);
  else column.wordings.push({ versions: [version], text: part.text });
  for (const code of part.codes) if (!column.codes.some((c) => c.code === code.code)) column.codes.push(code);
}

/**
 * The columns of an export of some versions of a survey: the built-in ones, then one per
 * question (or option), each header unique. The newest version decides the order, the
 * values and the labels; questions and options older versions had come after its own,
 * and every wording a column had is kept with the versions that asked it.
 */
export function exportColumns(versions: Survey[], waves: WaveDefinition[]): ExportColumn[] {
  const newest = [...versions].sort((a, b) => b.version - a.version);
  const meta = metaColumns(newest[0]!, waves);
  const taken = new Set<string>(meta.map((m) => m.header));
  const columns: ExportColumn[] = meta.map((m) => ({ header: m.header, kind: m.kind, wordings: [{ versions: [], text: META_WORDING[m.header]! }], codes: m.codes ?? [], value: m.value }));
  const byHeader = new Map<string, ExportColumn>();
  for (const survey of newest) {
    for (const part of allQuestions(survey).flatMap((q) => questionParts(q, taken))) {
      const known = byHeader.get(part.header);
      if (known) merge(known, part, survey.version);
      else {
        const column = { header: part.header, kind: part.kind, wordings: [{ versions: [survey.version], text: part.text }], codes: [...part.codes], value: part.value };
        byHeader.set(part.header, column);
        columns.push(column);
      }
    }
  }
  return columns;
}

/**
 * A column's value as written: codes, or with `lang` the label of a coded text value in
 * that language (an option, a channel, a group, "don't know"). Numbers stay numbers.
 */
export function cellReader(column: ExportColumn, lang: Locale | undefined): (row: StoredResponse) => Cell {
  const labels = new Map(column.codes.filter((c) => typeof c.code === 'string').map((c) => [c.code, c.label[lang ?? 'ko']]));
  if (!lang || labels.size === 0) return column.value;
  return (row) => {
    const value = column.value(row);
    return typeof value === 'string' ? (labels.get(value) ?? value) : value;
  };
}
