import { A } from '@solidjs/router';
import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { editableSurvey } from '../../../core/authoring/editable';
import { isAppError } from '../../../core/errors';
import { orgHref, surveyIdParam } from '../paths';
import { ot } from '../strings';
import type { Survey } from '../../../core/survey';
import { draftApi, type DraftAnswer } from './draft-api';
import { studioError } from './errors';
import { Editor } from './Editor';
import { createEditor } from './editor-store';
import { Published } from './Published';
import { StartForm } from './StartForm';
import css from './studio.css?inline';
import { st } from './strings';

// Like the organiser's styles, the studio's travel in its chunk, so nobody else downloads them.
function installStyles(): void {
  if (document.getElementById('studio-styles')) return;
  document.head.append(Object.assign(document.createElement('style'), { id: 'studio-styles', textContent: css }));
}

/** The stored draft of `id`, or undefined when it has none. */
async function loadDraft(id: string) {
  try {
    return await draftApi.get(id);
  } catch (error) {
    if (isAppError(error, 'not_found')) return undefined;
    throw error;
  }
}

/** The editor of a loaded draft, made once for it (its autosave lives as long as this component). */
function OpenDraft(props: { draft: DraftAnswer; survey: Survey; onPublished: (version: number) => void }) {
  const editor = createEditor(props.draft.surveyId, { survey: props.survey, revision: props.draft.revision, version: props.draft.version });
  return <Editor editor={editor} onPublished={(v) => props.onPublished(v)} />;
}

/**
 * `/organiser/studio?survey=`: the survey studio (its own lazy chunk). Without a survey it
 * starts a new draft; with one it opens that survey's draft, or offers to start its next
 * version when it has none; after publishing it says so and links onwards.
 */
export function StudioPage() {
  installStyles();
  const [draft, { refetch }] = createResource(() => surveyIdParam() || undefined, loadDraft);
  const [published, setPublished] = createSignal<number>();
  const editable = () => {
    const d = draft();
    return d ? editableSurvey(d.definition, d.surveyId) : undefined;
  };
  return (
    <div class="organiser-page st-page">
      <p class="org-crumbs">
        <A href={orgHref('surveys')}>{ot('back')}</A>
      </p>
      <Switch>
        <Match when={!surveyIdParam()}>
          <h1>{st('studio')}</h1>
          <StartForm />
        </Match>
        <Match when={published()}>{(v) => <Published surveyId={surveyIdParam()} version={v()} onNext={() => (setPublished(undefined), void refetch())} />}</Match>
        <Match when={draft.error}>
          <Show when={!isAppError(draft.error, 'unauthorized')}>
            <p class="org-error" role="alert">{studioError(draft.error)}</p>
          </Show>
        </Match>
        <Match when={!draft.loading && draft() === undefined}>
          <h1>{st('studio')}: {surveyIdParam()}</h1>
          <p>{st('noDraft')}</p>
          <StartForm id={surveyIdParam()} onCreated={() => void refetch()} />
        </Match>
        <Match when={draft() && !editable()}>
          <h1>{st('studio')}: {surveyIdParam()}</h1>
          <p class="org-warning">{st('notShaped')}</p>
          <StartForm id={surveyIdParam()} replace={draft()!.revision} onCreated={() => void refetch()} />
        </Match>
        <Match when={draft() && editable()}>
          <OpenDraft draft={draft()!} survey={editable()!} onPublished={setPublished} />
        </Match>
      </Switch>
    </div>
  );
}
