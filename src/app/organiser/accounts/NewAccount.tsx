import { Show, createSignal } from 'solid-js';
import { PASSWORD_MIN } from '../../../core/accounts';
import { isAppError } from '../../../core/errors';
import { dateTime } from '../format';
import type { PasswordLink } from '../api';
import { Problems, serverIssues, type Issue } from '../Problems';
import { api } from '../state';
import { AccessFields, readAccess } from './AccessFields';
import { Secret } from './Secret';
import { at } from './strings';

/**
 * Adds an account: a username, a role and its surveys, and a password, or none, and then
 * a set-password link (valid 72 hours) for the owner to pass on, since there is no mail.
 */
export function NewAccount(props: { onCreated: () => void }) {
  const [error, setError] = createSignal<string>();
  const [issues, setIssues] = createSignal<Issue[]>([]);
  const [done, setDone] = createSignal<{ username: string; link?: PasswordLink }>();
  let form!: HTMLFormElement;
  const text = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setIssues([]);
    const password = text('new-password');
    if (password && password.length < PASSWORD_MIN) return setError(at('tooShort'));
    try {
      const made = await api.addAccount({ username: text('new-username').trim(), ...readAccess(form, 'new'), ...(password ? { password } : {}) });
      // Reset first: the link is shown inside the form, and a reset would empty its field too.
      form.reset();
      setDone({ username: made.account.username, link: made.passwordLink });
      props.onCreated();
    } catch (e) {
      setError(isAppError(e) ? e.message : String(e));
      setIssues(serverIssues(e));
    }
  };

  return (
    <form class="org-card org-form" ref={form} onSubmit={(e) => void submit(e)} aria-labelledby="new-account-title" noValidate>
      <h2 id="new-account-title">{at('addAccount')}</h2>
      <div class="org-field">
        <label for="new-username">{at('username')}</label>
        <input id="new-username" name="new-username" required maxLength={64} autocomplete="off" autocapitalize="none" spellcheck={false} />
      </div>
      <AccessFields name="new" role="viewer" surveys="*" />
      <div class="org-field">
        <label for="new-password">{at('passwordOptional')}</label>
        <input id="new-password" name="new-password" type="password" autocomplete="new-password" />
      </div>
      <button type="submit" class="primary">
        {at('create')}
      </button>
      <Show when={error()}>
        <div role="alert">
          <Problems message={error()!} issues={issues()} />
        </div>
      </Show>
      <Show when={done()}>
        {(d) => (
          <>
            <p class="org-ok" role="status">{at('created').replace('{n}', d().username)}</p>
            <Show when={d().link}>{(l) => <Secret id="new-account-link" label={`${at('linkHelp')} (${at('linkUntil')} ${dateTime(l().expiresAt)})`} value={l().url} />}</Show>
          </>
        )}
      </Show>
    </form>
  );
}
