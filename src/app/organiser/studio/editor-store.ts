import { batch, createMemo, createSignal } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { checkDraft } from '../../../core/draft';
import { missingTranslations } from '../../../core/authoring/translations';
import type { Survey } from '../../../core/survey';
import type { SurveyProblem } from '../../../core/survey-problem-messages';
import { createStructure } from './structure';
import { createAutosave } from './autosave';

/** Where the editor starts: the survey to edit, the stored revision (none for a new draft) and the version it publishes as. */
export type EditorStart = { survey: Survey; revision: number | undefined; version: number };

/** Walks `path` into a plain object or array and sets the last key, for the editor's field setters. */
function setIn(target: unknown, path: readonly (string | number)[], value: unknown): void {
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/**
 * Everything the survey editor holds for one draft: the survey being edited (a Solid store),
 * its problems and missing translations as you type, the question being edited (which the
 * preview follows), structural edits with announcements and undo, and the autosave.
 */
export function createEditor(surveyId: string, start: EditorStart) {
  const [survey, setSurvey] = createStore<Survey>(structuredClone(start.survey));
  const [version, setVersion] = createSignal(start.version);
  const [active, setActive] = createSignal<string | undefined>(start.survey.sections[0]?.questions[0]?.id);
  // Reading the whole store as JSON tracks every field, so the checks rerun on any edit.
  const snapshot = createMemo(() => JSON.parse(JSON.stringify(survey)) as Survey);
  const check = createMemo(() => checkDraft(snapshot(), surveyId, version()));
  const problems = createMemo((): SurveyProblem[] => {
    const checked = check();
    return checked.ok ? [] : checked.problems;
  });
  const missing = createMemo(() => missingTranslations(snapshot()));
  const autosave = createAutosave(surveyId, start.revision, snapshot, setVersion);

  /** Applies a change to the survey and schedules the autosave. */
  function edit(change: (draft: Survey) => void): void {
    setSurvey(produce(change));
    autosave.changed();
  }

  const structure = createStructure(survey, edit, setActive);

  return {
    surveyId,
    survey,
    snapshot,
    version,
    problems,
    missing,
    active,
    setActive,
    autosave,
    structure,
    edit,
    /** Sets one field by its JSON path (`['sections', 0, 'title', 'ko']`); undefined removes it. */
    set(path: readonly (string | number)[], value: unknown): void {
      edit((draft) => setIn(draft, path, value));
    },
    /** Replaces the whole survey (another editor's draft, or a spreadsheet's) at a stored revision. */
    replace(next: Survey, revision: number, nextVersion: number): void {
      batch(() => {
        setSurvey(reconcile(structuredClone(next)));
        setVersion(nextVersion);
        autosave.reset(revision);
      });
    },
  };
}

/** The editor's public face. */
export type Editor = ReturnType<typeof createEditor>;
