import { For, Show, createResource, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { Link } from '../../router';
import { api } from '../state';
import { serverIssues } from '../manage/WaveForm';
import { orgHref, queryParam } from '../paths';
import { ot } from '../strings';

type Outcome = { ok: true; id: string; version: number; status: string } | { ok: false; message: string; issues: { path: string; message: string }[] };

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
async function startFrom(id: string | null): Promise<string> {
  if (!id) return '';
  const latest = (await api.latest(id)) as { version: number };
  return JSON.stringify({ ...latest, version: latest.version + 1 }, null, 2);
}

/** `/organiser/new`: adds a survey or a new version from pasted or uploaded JSON; errors name the JSON path. */
export function AddSurvey() {
  const [initial] = createResource(() => startFrom(queryParam('from') ?? null).catch(() => ''));
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [isPublic, setPublic] = createSignal<boolean>();
  let area!: HTMLTextAreaElement;

  const load = async (file: File | undefined) => {
    if (file) area.value = await file.text();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    let definition: Record<string, unknown>;
    try {
      definition = JSON.parse(area.value) as Record<string, unknown>;
    } catch (error) {
      return setOutcome({ ok: false, message: `${ot('jsonSyntax')}: ${syntaxPlace(area.value, error)}`, issues: [] });
    }
    if (isPublic() !== undefined && definition && typeof definition === 'object') definition.resultsPublic = isPublic();
    try {
      const stored = await api.addSurvey(JSON.stringify(definition));
      setOutcome({ ok: true, ...stored });
    } catch (error) {
      setOutcome({ ok: false, message: isAppError(error) ? error.message : String(error), issues: serverIssues(error) });
    }
  };

  return (
    <div class="organiser-page">
      <h1>{ot('addTitle')}</h1>
      <form class="org-card org-form" onSubmit={(e) => void submit(e)}>
        <p class="org-note" id="add-help">
          {ot('addHelp')}
        </p>
        <div class="org-field">
          <label for="survey-file">{ot('surveyFile')}</label>
          <input id="survey-file" type="file" accept=".json,application/json" onChange={(e) => void load(e.currentTarget.files?.[0])} />
        </div>
        <div class="org-field">
          <label for="survey-json">{ot('surveyJson')}</label>
          <textarea id="survey-json" ref={area} rows={16} spellcheck={false} aria-describedby="add-help" value={initial() ?? ''} />
        </div>
        <fieldset class="org-radios">
          <legend>{ot('publicResults')}</legend>
          <For each={[undefined, true, false] as const}>
            {(choice) => (
              <label class="org-check">
                <input type="radio" name="resultsPublic" checked={isPublic() === choice} onChange={() => setPublic(choice)} />
                <span>{choice === undefined ? ot('asInFile') : choice ? ot('publicResults') : ot('privateResults')}</span>
              </label>
            )}
          </For>
        </fieldset>
        <button type="submit" class="primary">
          {ot('upload')}
        </button>
      </form>
      <div role="status" class="org-outcome">
        <Show when={outcome()}>
          {(o) => (
            <Show
              when={o().ok && (o() as Extract<Outcome, { ok: true }>)}
              fallback={
                <div class="org-error">
                  <p>{(o() as Extract<Outcome, { ok: false }>).message}</p>
                  <Show when={(o() as Extract<Outcome, { ok: false }>).issues.length}>
                    <h2>{ot('problems')}</h2>
                    <ul class="org-issues">
                      <For each={(o() as Extract<Outcome, { ok: false }>).issues}>
                        {(i) => (
                          <li>
                            <code>{i.path || '(root)'}</code>: {i.message}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </div>
              }
            >
              {(done) => (
                <p class="org-ok">
                  {done().status === 'duplicate' ? ot('alreadyThere') : ot('uploaded')}: <code>{done().id}</code> v{done().version} ·{' '}
                  <Link href={orgHref('manage', { survey: done().id })}>{ot('manage')}</Link>
                </p>
              )}
            </Show>
          )}
        </Show>
      </div>
    </div>
  );
}
