import { Show, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { api, session } from '../state';
import { ot } from '../strings';

/** The token check: a wrong token gets a clear message and the field again; a right one opens the pages. */
export function SignIn() {
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return input.focus();
    setBusy(true);
    setError(undefined);
    try {
      await api.check(token);
      session.signIn(token);
    } catch (e) {
      setError(isAppError(e, 'unauthorized') ? ot('wrongToken') : isAppError(e, 'network') ? ot('unreachable') : String(e instanceof Error ? e.message : e));
      input.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="organiser-page org-signin">
      <form class="org-card org-signin-card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title" noValidate>
        <h1 id="signin-title">{ot('signInTitle')}</h1>
        <Show when={session.notice()}>{(key) => <p class="org-error" role="alert">{ot(key())}</p>}</Show>
        <p class="org-note" id="token-help">
          {ot('signInHelp')}
        </p>
        <div class="org-field">
          <label for="org-token">{ot('token')}</label>
          <input id="org-token" ref={input} type="password" autocomplete="current-password" aria-describedby="token-help token-error" aria-invalid={error() !== undefined} />
        </div>
        <p id="token-error" class="org-error" role="alert">
          {error()}
        </p>
        <button type="submit" class="primary org-wide" disabled={busy()}>
          {busy() ? ot('signingIn') : ot('signIn')}
        </button>
      </form>
    </div>
  );
}
