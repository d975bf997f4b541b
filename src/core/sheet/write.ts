import { allQuestions } from '../questions';
import type { LocalizedText, Question, Survey } from '../survey';
import {
  BEGIN_SECTION,
  CHOICES_COLUMNS,
  CONTEXT_COLUMNS,
  END_SECTION,
  NO,
  SETTINGS_COLUMNS,
  SURVEY_COLUMNS,
  YES,
  type Cell,
  type Sheet,
} from './layout';
import { formatRelevant } from './relevant';

type Row = Record<string, Cell | undefined>;

/** The cells of a row in the order of `columns`, absent ones empty. */
const ordered = (columns: readonly string[], row: Row): Cell[] => columns.map((c) => row[c] ?? null);

/** `base::ko` and `base::en` for a text in both languages. */
function texts(base: string, text: LocalizedText | undefined): Row {
  return text ? { [`${base}::ko`]: text.ko, [`${base}::en`]: text.en } : {};
}

const yesNo = (value: boolean) => (value ? YES : NO);

/** The `type` cell: kinds with options name their list, which the writer calls after the question. */
function typeCell(q: Question): string {
  switch (q.kind) {
    case 'choice':
      return `${q.multiple ? 'select_multiple' : 'select_one'} ${q.id}`;
    case 'allocation':
    case 'ranking':
      return `${q.kind} ${q.id}`;
    default:
      return q.kind;
  }
}

/** The "don't know" setting as a cell: empty when the question does not say, so it reads back absent. */
const dontKnowCell = (dontKnow: boolean | undefined) => (dontKnow === undefined ? undefined : yesNo(dontKnow));

/** The kind's own settings columns. */
function settings(q: Question): Row {
  switch (q.kind) {
    case 'likert':
      return { points: q.points, ...texts('low_label', q.labels.low), ...texts('high_label', q.labels.high), dont_know: dontKnowCell(q.dontKnow) };
    case 'spectrum':
      return { min: q.min, max: q.max, ...texts('low_label', q.labels.low), ...texts('high_label', q.labels.high), dont_know: dontKnowCell(q.dontKnow) };
    case 'choice':
      return { max_picks: q.maxPicks };
    case 'allocation':
      return { total: q.total, step: q.step, ...texts('unit', q.unit) };
    case 'ranking':
      return { pick: q.pick };
    case 'text':
      return { max_length: q.maxLength };
  }
}

function questionRow(q: Question, multipleIds: ReadonlySet<string>): Row {
  return {
    type: typeCell(q),
    name: q.id,
    ...texts('label', q.prompt),
    ...texts('hint', q.help),
    required: yesNo(q.required),
    relevant: q.showIf && formatRelevant(q.showIf, multipleIds.has(q.showIf.question)),
    ...settings(q),
  };
}

function surveySheet(survey: Survey): Sheet {
  const multiple = new Set(allQuestions(survey).filter((q) => q.kind === 'choice' && q.multiple).map((q) => q.id));
  const rows: Row[] = survey.sections.flatMap((section) => [
    { type: BEGIN_SECTION, name: section.id, ...texts('label', section.title) },
    ...section.questions.map((q) => questionRow(q, multiple)),
    { type: END_SECTION },
  ]);
  return { name: 'survey', rows: [[...SURVEY_COLUMNS], ...rows.map((r) => ordered(SURVEY_COLUMNS, r))] };
}

function choicesSheet(survey: Survey): Sheet {
  const rows = allQuestions(survey).flatMap((q) =>
    'options' in q ? q.options.map((o) => ordered(CHOICES_COLUMNS, { list_name: q.id, name: o.id, ...texts('label', o.label) })) : [],
  );
  return { name: 'choices', rows: [[...CHOICES_COLUMNS], ...rows] };
}

function settingsSheet(survey: Survey): Sheet {
  const row: Row = {
    id: survey.id,
    version: survey.version,
    ...texts('title', survey.title),
    ...texts('description', survey.description),
    ...texts('notice', survey.notice),
    results_public: yesNo(survey.resultsPublic),
    segment_by: survey.segmentBy,
  };
  return { name: 'settings', rows: [[...SETTINGS_COLUMNS], ordered(SETTINGS_COLUMNS, row)] };
}

function contextSheet(cards: NonNullable<Survey['context']>): Sheet {
  const rows = cards.map((card) =>
    ordered(CONTEXT_COLUMNS, { name: card.id, ...texts('title', card.title), ...texts('body', card.body), ...texts('source', card.source) }),
  );
  return { name: 'context', rows: [[...CONTEXT_COLUMNS], ...rows] };
}

/**
 * A survey as the sheets of DESIGN §9. Each question with options gets its own list, named
 * after the question, so editing one question's options never changes another's. The
 * `context` sheet is written only when the survey has a `context` list (even an empty one),
 * so that reading the sheets back gives the very same definition.
 */
export function surveyToSheets(survey: Survey): Sheet[] {
  const sheets = [surveySheet(survey), choicesSheet(survey), settingsSheet(survey)];
  if (survey.context) sheets.push(contextSheet(survey.context));
  return sheets;
}
