import { For, Show, createResource, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { A } from '@solidjs/router';
import { FileField } from '../FileField';
import { orgHref, queryParam } from '../paths';
import { Problems, serverIssues, type Issue } from '../Problems';
import { api } from '../state';
import { ot } from '../strings';

type Stored = { id: string; version: number; status: string };
type Outcome = { ok: true; stored: Stored } | { ok: false; message: string; issues: Issue[] };

/** Where a JSON syntax error is, as "line 3, column 7", from the engine's message. */
function syntaxPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (${ot('line')} ${line}, ${ot('column')} ${column})`;
}

/** The definition to start a new version from: the latest, with its version one higher. */
async function startFrom(id: string | undefined): Promise<string> {
  if (!id) return '';
  const latest = (await api.latest(id)) as { version: number };
  return JSON.stringify({ ...latest, version: latest.version + 1 }, null, 2);
}

/** Parses, applies the results choice and uploads; every failure comes back as an outcome to show. */
async function upload(text: string, resultsPublic: boolean | undefined): Promise<Outcome> {
  let definition: unknown;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${ot('jsonSyntax')}: ${syntaxPlace(text, error)}`, issues: [] };
  }
  if (resultsPublic !== undefined && definition && typeof definition === 'object') (definition as Record<string, unknown>).resultsPublic = resultsPublic;
  try {
    return { ok: true, stored: await api.addSurvey(JSON.stringify(definition)) };
  } catch (error) {
    return { ok: false, message: isAppError(error) ? error.message : String(error), issues: serverIssues(error) };
  }
}

/** Whether the results are public: as the file says, or overridden either way. */
function PublicChoice(props: { value: boolean | undefined; onChange: (value: boolean | undefined) => void }) {
  return (
    <fieldset class="org-radios">
      <legend>{ot('publicResults')}</legend>
      <For each={[undefined, true, false] as const}>
        {(choice) => (
          <label class="org-check">
            <input type="radio" name="resultsPublic" checked={props.value === choice} onChange={() => props.onChange(choice)} />
            <span>{choice === undefined ? ot('asInFile') : choice ? ot('publicResults') : ot('privateResults')}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

function Stored(props: { stored: Stored }) {
  return (
    <p class="org-ok">
      {props.stored.status === 'duplicate' ? ot('alreadyThere') : ot('uploaded')}: <code>{props.stored.id}</code> v{props.stored.version} ·{' '}
      <A href={orgHref('manage', { survey: props.stored.id })}>{ot('manage')}</A>
    </p>
  );
}

/** `/organiser/new`: adds a survey or a new version from pasted or uploaded JSON; errors name the JSON path. */
export function AddSurvey() {
  const [initial] = createResource(() => startFrom(queryParam('from')).catch(() => ''));
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [isPublic, setPublic] = createSignal<boolean>();
  let area!: HTMLTextAreaElement;
  const load = async (file: File | undefined) => {
    if (file) area.value = await file.text();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setOutcome(await upload(area.value, isPublic()));
  };
  return (
    <div class="organiser-page">
      <h1>{ot('addTitle')}</h1>
      <form class="org-card org-form" onSubmit={(e) => void submit(e)} noValidate>
        <p class="org-note" id="add-help">
          {ot('addHelp')}
        </p>
        <FileField id="survey-file" label={ot('surveyFile')} accept=".json,application/json" onFile={(file) => void load(file)} />
        <div class="org-field">
          <label for="survey-json">{ot('surveyJson')}</label>
          <textarea id="survey-json" ref={area} rows={16} spellcheck={false} aria-describedby="add-help" value={initial() ?? ''} />
        </div>
        <PublicChoice value={isPublic()} onChange={setPublic} />
        <button type="submit" class="primary">
          {ot('upload')}
        </button>
      </form>
      <div role="status" class="org-outcome">
        <Show when={outcome()} keyed>
          {(o) => (o.ok ? <Stored stored={o.stored} /> : <Problems message={o.message} issues={o.issues} />)}
        </Show>
      </div>
    </div>
  );
}
