import { formatPath } from '../survey-problems';
import type { SheetName } from './layout';

/** What a part of the definition was read from. */
export type PlaceKind = 'survey' | 'section' | 'question' | 'option' | 'card' | 'sheet';
type Place = { sheet: SheetName; row: number | null; kind: PlaceKind };

/** Where a problem sits in the workbook. */
export type Location = { sheet: SheetName; row: number | null; column: string | null };

/** Definition fields and the column each was read from, per kind of place. */
const FIELD_COLUMNS: Record<PlaceKind, Record<string, string>> = {
  survey: {
    id: 'id',
    version: 'version',
    title: 'title',
    description: 'description',
    notice: 'notice',
    resultsPublic: 'results_public',
    segmentBy: 'segment_by',
  },
  section: { id: 'name', title: 'label' },
  question: {
    id: 'name',
    kind: 'type',
    multiple: 'type',
    options: 'type',
    prompt: 'label',
    help: 'hint',
    required: 'required',
    showIf: 'relevant',
    points: 'points',
    min: 'min',
    max: 'max',
    total: 'total',
    step: 'step',
    unit: 'unit',
    pick: 'pick',
    maxPicks: 'max_picks',
    maxLength: 'max_length',
    dontKnow: 'dont_know',
  },
  option: { id: 'name', label: 'label' },
  card: { id: 'name', title: 'title', body: 'body', source: 'source' },
  sheet: {},
};

/** The column a field path inside a place names, with `::ko` / `::en` for a text's language. */
function columnOf(kind: PlaceKind, rest: readonly (string | number)[]): string | null {
  const [field, next, last] = rest;
  // End labels are two texts under one field: labels.low.ko is low_label::ko.
  if (kind === 'question' && field === 'labels' && typeof next === 'string') return withLocale(`${next}_label`, last);
  const base = typeof field === 'string' ? FIELD_COLUMNS[kind][field] : undefined;
  return base === undefined ? null : withLocale(base, next);
}

const withLocale = (base: string, locale: unknown) => (locale === 'ko' || locale === 'en' ? `${base}::${locale}` : base);

/**
 * The source map of a definition read from sheets: every section, question, option and card
 * is registered under its JSON path with the row it came from, so a problem that core finds
 * at `sections[1].questions[3].labels.low.en` is reported at the question's row, column
 * `low_label::en`. Shared choice lists register each use, so the path says which question.
 */
export class Places {
  private readonly places = new Map<string, Place>([
    ['sections', { sheet: 'survey', row: null, kind: 'sheet' }],
    ['context', { sheet: 'context', row: null, kind: 'sheet' }],
  ]);

  /** Registers the part at `path` as read from `row` of `sheet`. */
  set(path: readonly (string | number)[], sheet: SheetName, row: number, kind: PlaceKind): void {
    this.places.set(formatPath(path), { sheet, row, kind });
  }

  /** The sheet, row and column of a problem's path: the deepest registered part, then the field's column. */
  locate(path: readonly (string | number)[]): Location {
    for (let i = path.length; i > 0; i--) {
      const place = this.places.get(formatPath(path.slice(0, i)));
      if (place) return { sheet: place.sheet, row: place.row, column: columnOf(place.kind, path.slice(i)) };
    }
    // Top-level fields come from the settings row.
    return { sheet: 'settings', row: 2, column: columnOf('survey', path) };
  }
}
