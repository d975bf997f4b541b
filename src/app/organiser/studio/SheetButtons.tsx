import { For, Show, createSignal } from 'solid-js';
import { editableSurvey } from '../../../core/authoring/editable';
import { isAppError } from '../../../core/errors';
import { formatSheetIssue, type SheetIssue } from '../../../core/sheet/issues';
import { locale } from '../../i18n';
import { draftApi } from './draft-api';
import { studioError } from './errors';
import type { Editor } from './editor-store';
import { st } from './strings';

/**
 * Spreadsheet download and upload for the draft. The server converts both ways (exceljs, with
 * its guards against hostile files, stays on the server and out of this chunk), so the
 * editor first saves, and an upload replaces the draft only when the whole sheet reads.
 */
export function SheetButtons(props: { editor: Editor }) {
  const [issues, setIssues] = createSignal<SheetIssue[]>();
  const [error, setError] = createSignal<string>();
  const inputId = 'st-sheet-upload';
  const download = async () => {
    setError(undefined);
    try {
      await props.editor.autosave.save();
      await draftApi.download(props.editor.surveyId);
    } catch (e) {
      setError(studioError(e));
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setIssues(undefined);
    setError(undefined);
    try {
      await props.editor.autosave.save();
      await draftApi.upload(props.editor.surveyId, file, props.editor.autosave.revision());
      const stored = await draftApi.get(props.editor.surveyId);
      const survey = editableSurvey(stored.definition, props.editor.surveyId);
      if (survey) props.editor.replace(survey, stored.revision, stored.version);
    } catch (e) {
      const server = isAppError(e) ? (e.details.server as { issues?: SheetIssue[] } | undefined) : undefined;
      if (server?.issues?.length && typeof server.issues[0]?.sheet !== 'undefined') setIssues(server.issues);
      else setError(studioError(e));
    }
  };
  return (
    <div class="st-sheets">
      <div class="org-actions">
        <button type="button" class="secondary small" onClick={() => void download()}>{st('downloadSheet')}</button>
        <label class="button secondary small" for={inputId}>{st('uploadSheet')}</label>
        <input id={inputId} class="visually-hidden" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="st-sheet-help"
          onChange={(e) => {
            const input = e.currentTarget;
            void upload(input.files?.[0]).finally(() => (input.value = ''));
          }} />
      </div>
      <p class="org-note" id="st-sheet-help">{st('uploadHelp')}</p>
      <Show when={error()}>
        <p class="org-error" role="alert">{error()}</p>
      </Show>
      <Show when={issues()}>
        {(list) => (
          <div class="org-error" role="alert">
            <p>{st('sheetProblems')}</p>
            <ul class="org-issues">
              <For each={list()}>{(i) => <li>{formatSheetIssue(i, locale())}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
    </div>
  );
}
