import { For, Show, createSignal } from 'solid-js';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../core/accounts';
import { isAppError } from '../../../core/errors';
import { dateTime } from '../format';
import { PageError } from '../PageError';
import { queryString, type AuditFilters } from '../api';
import { api, session } from '../state';
import { RoleGate } from './RoleGate';
import { at } from './strings';

type Entry = AuditEntry & { ip?: string };
const PAGE = 50;

/** An entry's details as short `key: value` text (the address of a sign-in among them). */
function detailsText(entry: Entry): string {
  const parts = Object.entries(entry.details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [...(entry.ip ? [`ip: ${entry.ip}`] : []), ...parts].join(' · ');
}

/** The filter form: who, which action, which survey. */
function AuditFilterForm(props: { onFilter: (filters: AuditFilters) => void; onDownload: () => void }) {
  let form!: HTMLFormElement;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim() || undefined;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onFilter({ actor: value('audit-actor'), action: value('audit-action'), survey: value('audit-survey') });
  };
  return (
    <form ref={form} class="org-card org-controls" onSubmit={submit} aria-label={at('filter')}>
      <div class="org-field">
        <label for="audit-actor">{at('who')}</label>
        <input id="audit-actor" name="audit-actor" autocomplete="off" spellcheck={false} />
      </div>
      <div class="org-field">
        <label for="audit-action">{at('what')}</label>
        <select id="audit-action" name="audit-action">
          <option value="">{at('anyAction')}</option>
          <For each={AUDIT_ACTIONS}>{(a) => <option value={a}>{a}</option>}</For>
        </select>
      </div>
      <div class="org-field">
        <label for="audit-survey">{at('survey')}</label>
        <input id="audit-survey" name="audit-survey" autocomplete="off" spellcheck={false} />
      </div>
      <div class="org-actions">
        <button type="submit" class="primary">
          {at('filter')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onDownload()}>
          {at('downloadCsv')}
        </button>
      </div>
    </form>
  );
}

/** `/organiser/audit` (owners): the append-only log, newest first, filtered, a page at a time, and as CSV. */
export function AuditPage() {
  const [filters, setFilters] = createSignal<AuditFilters>({});
  const [entries, setEntries] = createSignal<Entry[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>();
  const load = async (more: boolean) => {
    setError(undefined);
    try {
      const page = await api.audit({ ...filters(), limit: PAGE, before: more ? (next() ?? undefined) : undefined });
      setEntries(more ? [...entries(), ...page.entries] : page.entries);
      setNext(page.next);
    } catch (e) {
      setError(e);
    }
  };
  const download = () => api.download(`/audit.csv${queryString(filters())}`, 'stance-audit.csv').catch((e: unknown) => setError(isAppError(e) ? e : new Error(String(e))));
  if (session.can('owner')) void load(false);
  return (
    <div class="organiser-page">
      <h1>{at('audit')}</h1>
      <RoleGate role="owner">
        <p class="org-note">{at('auditHelp')}</p>
        <AuditFilterForm onFilter={(f) => { setFilters(f); void load(false); }} onDownload={() => void download()} />
        <PageError error={error()} />
        <Show when={entries().length} fallback={<p class="org-note">{at('noEntries')}</p>}>
          <div class="org-scroll">
            <table class="org-data org-audit">
              <caption>{at('audit')}</caption>
              <thead>
                <tr>
                  <For each={['when', 'who', 'what', 'target', 'survey', 'details'] as const}>{(h) => <th scope="col">{at(h)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={entries()}>
                  {(e) => (
                    <tr>
                      <td>{dateTime(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>{e.target ?? '—'}</td>
                      <td>{e.survey ?? '—'}</td>
                      <td>{detailsText(e)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
        <Show when={next()}>
          <button type="button" class="secondary" onClick={() => void load(true)}>
            {at('more')}
          </button>
        </Show>
      </RoleGate>
    </div>
  );
}
