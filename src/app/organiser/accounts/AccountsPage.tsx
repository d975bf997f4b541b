import { For, Show, createResource, createSignal } from 'solid-js';
import type { Account } from '../../../core/accounts';
import { isAppError } from '../../../core/errors';
import { ready } from '../cache';
import { ConfirmButton } from '../ConfirmButton';
import { dateTime } from '../format';
import { PageError } from '../PageError';
import type { PasswordLink } from '../api';
import { api } from '../state';
import { AccessFields, readAccess } from './AccessFields';
import { NewAccount } from './NewAccount';
import { RoleGate } from './RoleGate';
import { Secret } from './Secret';
import { at, roleName } from './strings';

/** What a refused change says: the last-owner rule in words, else the server's message. */
export function changeError(e: unknown): string {
  if (isAppError(e, 'conflict') && (e.details.server as { reason?: string } | undefined)?.reason === 'last_owner') return at('lastOwner');
  return e instanceof Error ? e.message : String(e);
}

const grantsText = (a: Account) => (a.surveys === '*' ? at('allSurveys') : a.surveys.join(', ') || '—');

/** One account's row: what it is, and the owner's actions on it, each asking once more when it takes something away. */
function AccountRow(props: { account: Account; onChange: () => void }) {
  const a = () => props.account;
  const [editing, setEditing] = createSignal(false);
  const [link, setLink] = createSignal<PasswordLink>();
  const [error, setError] = createSignal('');
  const act = async (work: () => Promise<unknown>) => {
    setError('');
    try {
      await work();
      props.onChange();
    } catch (e) {
      setError(changeError(e));
    }
  };
  let form!: HTMLFormElement;
  const name = () => `edit-${a().username}`;
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    void act(async () => {
      await api.changeAccount(a().username, readAccess(form, name()));
      setEditing(false);
    });
  };
  return (
    <li class="org-card org-account" data-username={a().username}>
      <h2>{a().username}</h2>
      <p>
        {roleName(a().role)} · {grantsText(a())} · {a().disabled ? at('disabled') : a().passwordSet ? at('active') : at('noPassword')}
      </p>
      <p class="org-note">
        {at('createdAt')}: {dateTime(a().createdAt)}
      </p>
      <div class="org-actions">
        <button type="button" class="secondary small" aria-expanded={editing()} onClick={() => setEditing(!editing())}>
          {at('edit')}
        </button>
        <Show when={a().disabled} fallback={<ConfirmButton label={at('disable')} confirmLabel={at('confirmDisable')} onConfirm={() => act(() => api.changeAccount(a().username, { disabled: true }))} />}>
          <button type="button" class="secondary small" onClick={() => void act(() => api.changeAccount(a().username, { disabled: false }))}>
            {at('enable')}
          </button>
        </Show>
        <button type="button" class="secondary small" onClick={() => void act(async () => setLink(await api.passwordLink(a().username)))}>
          {at('issueLink')}
        </button>
        <ConfirmButton label={at('deleteAccount')} confirmLabel={at('confirmDelete')} onConfirm={() => act(() => api.deleteAccount(a().username))} />
      </div>
      <Show when={editing()}>
        <form ref={form} class="org-form" onSubmit={save} aria-label={`${at('edit')}: ${a().username}`}>
          <AccessFields name={name()} role={a().role} surveys={a().surveys} />
          <button type="submit" class="primary small">
            {at('save')}
          </button>
        </form>
      </Show>
      <Show when={link()}>
        {(l) => <Secret id={`link-${a().username}`} label={`${at('linkHelp')} (${at('linkUntil')} ${dateTime(l().expiresAt)})`} value={l().url} />}
      </Show>
      <p class="org-error" role="alert">
        {error()}
      </p>
    </li>
  );
}

/** `/organiser/accounts` (owners): every account with its role, surveys and state; adding, changing, disabling, deleting, set-password links. */
export function AccountsPage() {
  const [list, { refetch }] = createResource(() => api.accounts());
  return (
    <div class="organiser-page">
      <h1>{at('accounts')}</h1>
      <RoleGate role="owner">
        <PageError error={list.error} />
        <ul class="org-list">
          <For each={ready(list)?.accounts ?? []}>{(a) => <AccountRow account={a} onChange={() => void refetch()} />}</For>
        </ul>
        <NewAccount onCreated={() => void refetch()} />
        <p class="org-note">{at('privacy')}</p>
      </RoleGate>
    </div>
  );
}
