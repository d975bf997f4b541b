import { For, Show, createResource, createSignal } from 'solid-js';
import { surveyChanges, type QuestionChange } from '../../../core/changes';
import { draftAsSurvey } from '../../../core/draft';
import { isAppError } from '../../../core/errors';
import { allQuestions, SurveySchema, type Survey } from '../../../core/survey';
import { tx } from '../../i18n';
import { api } from '../state';
import { draftApi } from './draft-api';
import { studioError } from './errors';
import type { Editor } from './editor-store';
import { st, stf, type StudioKey } from './strings';

const CHANGE_WORDS: Record<QuestionChange, StudioKey> = { unchanged: 'unchanged', reworded: 'reworded', added: 'added', removed: 'removedChange' };

/** The latest published version, or none for a survey never published. */
async function latestVersion(id: string): Promise<Survey | undefined> {
  try {
    return SurveySchema.parse(await api.latest(id));
  } catch (error) {
    if (isAppError(error, 'not_found')) return undefined;
    throw error;
  }
}

/**
 * Publishing: the changes against the version before (the same `surveyChanges` the server's
 * `…/versions/:v/changes` answers with), what a reworded question does to its trend line, and
 * a confirmation; then the draft is saved and published as the next version.
 */
export function PublishDialog(props: { editor: Editor; onClose: () => void; onPublished: (version: number) => void }) {
  const [previous] = createResource(() => latestVersion(props.editor.surveyId));
  const draft = () => draftAsSurvey(props.editor.snapshot(), props.editor.surveyId, props.editor.version()) as Survey;
  const changes = () => surveyChanges(previous(), draft()).questions;
  const changed = () => changes().filter((c) => c.change !== 'unchanged');
  const prompt = (id: string) => {
    const q = allQuestions(draft()).find((x) => x.id === id) ?? (previous() && allQuestions(previous()!).find((x) => x.id === id));
    return q ? tx(q.prompt) : '';
  };
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.editor.autosave.save();
      const revision = props.editor.autosave.revision();
      if (revision === undefined || !props.editor.autosave.clean()) throw new Error(st('saveFailed'));
      props.onPublished((await draftApi.publish(props.editor.surveyId, revision)).version);
    } catch (e) {
      setError(studioError(e));
    } finally {
      setBusy(false);
    }
  };
  let dialog: HTMLDialogElement | undefined;
  queueMicrotask(() => dialog?.showModal());
  return (
    <dialog class="st-dialog" ref={dialog} aria-labelledby="st-publish-heading" onClose={() => props.onClose()}>
      <h2 id="st-publish-heading">{stf('publishTitle', { n: props.editor.version() })}</h2>
      <Show when={!previous.loading} fallback={<p>…</p>}>
        <Show when={previous()} fallback={<p>{st('publishFirst')}</p>}>
          {(p) => (
            <>
              <p>{stf('publishAgainst', { v: p().version })}</p>
              <ul class="st-changes" data-testid="change-list">
                <For each={changed()}>
                  {(c) => (
                    <li data-change={c.change}>
                      <strong>{st(CHANGE_WORDS[c.change])}</strong>: <code>{c.id}</code> {prompt(c.id)}
                    </li>
                  )}
                </For>
              </ul>
              <p class="org-note">
                {st('unchanged')}: {changes().length - changed().length}
              </p>
              <p class="org-warning">{st('rewordedNote')}</p>
            </>
          )}
        </Show>
      </Show>
      <p>{st('publishImmutable')}</p>
      <Show when={error()}>
        <p class="org-error" role="alert">{error()}</p>
      </Show>
      <div class="org-actions">
        <button type="button" class="primary" disabled={busy() || previous.loading} onClick={() => void publish()}>
          {st('confirmPublish')}
        </button>
        <button type="button" class="secondary" onClick={() => dialog?.close()}>
          {st('cancel')}
        </button>
      </div>
    </dialog>
  );
}
