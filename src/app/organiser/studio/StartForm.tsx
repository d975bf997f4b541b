import { useNavigate } from '@solidjs/router';
import { For, Show, createResource, createSignal } from 'solid-js';
import { blankSurvey } from '../../../core/authoring/blank';
import { isAppError } from '../../../core/errors';
import { SLUG_PATTERN } from '../../../core/vocabulary';
import { tx } from '../../i18n';
import { orgHref } from '../paths';
import { ready } from '../cache';
import { api } from '../state';
import { draftApi } from './draft-api';
import { studioError } from './errors';
import { st } from './strings';

/**
 * Starting a draft: a survey id (fixed when the page is about one survey), and a blank survey
 * or a copy of any published version, the latest of this id chosen first. The draft is created
 * only if none exists (unless `replace` names the revision of one that cannot be edited).
 */
export function StartForm(props: { id?: string; replace?: number; onCreated?: () => void }) {
  const navigate = useNavigate();
  const [id, setId] = createSignal(props.id ?? '');
  const [surveys] = createResource(() => api.surveys());
  const [source, setSource] = createSignal<string>(props.id ?? '');
  const [overview] = createResource(source, (s) => (s ? api.overview(s) : undefined));
  const [version, setVersion] = createSignal<number>();
  const [copy, setCopy] = createSignal<boolean>(props.id !== undefined);
  const [error, setError] = createSignal<string>();
  const [exists, setExists] = createSignal(false);
  const chosenVersion = () => version() ?? ready(overview)?.latestVersion;
  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setExists(false);
    if (!SLUG_PATTERN.test(id())) return setError(st('surveyIdHelp'));
    try {
      const definition = copy() && source() && chosenVersion() ? { ...(await api.definition(source(), chosenVersion()!) as object), id: id() } : blankSurvey(id());
      await draftApi.save(id(), definition, props.replace);
      // On the page of this very survey the address stays the same, so the page is told to load the draft.
      if (props.onCreated) props.onCreated();
      else navigate(orgHref('studio', { survey: id() }));
    } catch (e) {
      if (isAppError(e, 'draft_changed')) setExists(true);
      else setError(studioError(e));
    }
  };
  return (
    <form class="org-card st-start" onSubmit={(e) => void create(e)}>
      <h2>{st('newSurvey')}</h2>
      <div class="org-field">
        <label for="st-new-id">{st('surveyId')}</label>
        <input id="st-new-id" type="text" spellcheck={false} autocapitalize="none" value={id()} readOnly={props.id !== undefined} aria-describedby="st-new-id-help" onInput={(e) => setId(e.currentTarget.value.trim())} />
        <p class="org-note" id="st-new-id-help">{st('surveyIdHelp')}</p>
      </div>
      <fieldset class="org-radios">
        <legend>{st('startFrom')}</legend>
        <label class="org-check">
          <input type="radio" name="st-from" checked={!copy()} onChange={() => setCopy(false)} />
          <span>{st('blank')}</span>
        </label>
        <label class="org-check">
          <input type="radio" name="st-from" checked={copy()} onChange={() => setCopy(true)} />
          <span>{st('copyOf')}</span>
        </label>
      </fieldset>
      <Show when={copy()}>
        <div class="st-row">
          <div class="org-field">
            <label for="st-copy-survey">{st('surveyId')}</label>
            <select id="st-copy-survey" onChange={(e) => (setSource(e.currentTarget.value), setVersion(undefined))}>
              <option value="" selected={!source()}>—</option>
              <For each={surveys() ?? []}>{(s) => <option value={s.id} selected={source() === s.id}>{`${s.id}: ${tx(s.title)}`}</option>}</For>
            </select>
          </div>
          <div class="org-field">
            <label for="st-copy-version">{st('copyWhich')}</label>
            <select id="st-copy-version" onChange={(e) => setVersion(Number(e.currentTarget.value))}>
              <For each={ready(overview)?.versions ?? []}>{(v) => <option value={v.version} selected={chosenVersion() === v.version}>{`v${v.version}: ${tx(v.title)}`}</option>}</For>
            </select>
          </div>
        </div>
      </Show>
      <Show when={error()}>
        <p class="org-error" role="alert">{error()}</p>
      </Show>
      <Show when={exists()}>
        <p class="org-warning" role="alert">
          {st('draftExists')}{' '}
          <button type="button" class="link-button" onClick={() => (props.onCreated ? props.onCreated() : navigate(orgHref('studio', { survey: id() })))}>{st('openDraft')}</button>
        </p>
      </Show>
      <button type="submit" class="primary">{st('create')}</button>
    </form>
  );
}
