import { Match, Show, Switch } from 'solid-js';
import { editableSurvey } from '../../../core/authoring/editable';
import { locale } from '../../i18n';
import { draftApi } from './draft-api';
import type { Editor } from './editor-store';
import { st, stf } from './strings';

const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleTimeString(locale() === 'ko' ? 'ko-KR' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '');

/**
 * Whether the draft is on the server, said in a status region; and when another editor saved
 * in the meantime, a warning with the two ways out: take their draft, or save this one over it.
 */
export function SaveStatus(props: { editor: Editor }) {
  const state = () => props.editor.autosave.state();
  const loadTheirs = async () => {
    const stored = await draftApi.get(props.editor.surveyId);
    const survey = editableSurvey(stored.definition, props.editor.surveyId);
    if (survey) props.editor.replace(survey, stored.revision, stored.version);
  };
  return (
    <>
      <p class="st-save" role="status" data-state={state().kind}>
        <Switch>
          <Match when={state().kind === 'saving'}>{st('saving')}</Match>
          <Match when={state().kind === 'pending'}>{st('unsaved')}</Match>
          <Match when={state().kind === 'failed'}>{st('saveFailed')}</Match>
          <Match when={state().kind === 'saved'}>
            ✓ {st('saved')} {time((state() as { at?: string }).at)}
          </Match>
        </Switch>
      </p>
      <Show when={state().kind === 'conflict' && (state() as { revision: number | null; at: string | null })}>
        {(c) => (
          <div class="org-warning st-conflict" role="alert">
            <p>{stf('conflict', { rev: c().revision ?? '—', at: time(c().at) })}</p>
            <div class="org-actions">
              <button type="button" class="secondary" onClick={() => void loadTheirs()}>{st('loadTheirs')}</button>
              <button type="button" class="primary" onClick={() => void props.editor.autosave.keepMine()}>{st('keepMine')}</button>
            </div>
          </div>
        )}
      </Show>
    </>
  );
}
