import { Show, createSignal, type JSX } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { at } from '../accounts/strings';
import { api, session } from '../state';
import { ot } from '../strings';

/** The message for a refused sign-in: wrong credentials, too many attempts (with the wait), the network, or the server's own. */
function refusal(e: unknown, wrong: string): string {
  if (isAppError(e, 'invalid_credentials')) return wrong;
  if (isAppError(e, 'too_many_requests')) return at('tooMany').replace('{n}', String(Math.max(1, Math.ceil(Number(e.details.retryAfterMs ?? 60_000) / 60_000))));
  if (isAppError(e, 'network')) return ot('unreachable');
  return e instanceof Error ? e.message : String(e);
}

/** One sign-in form: its fields (children), its error line and its button; `send` gets the fields' values in order. */
function SignInForm(props: { id: string; send: (values: string[]) => Promise<void>; wrong: string; label: string; children: JSX.Element }) {
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let form!: HTMLFormElement;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const inputs = [...form.querySelectorAll('input')];
    const empty = inputs.find((i) => !i.value.trim());
    if (empty) return empty.focus();
    setBusy(true);
    setError(undefined);
    try {
      await props.send(inputs.map((i) => i.value));
    } catch (e) {
      setError(refusal(e, props.wrong));
      inputs[inputs.length - 1]!.select();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-describedby={`${props.id}-error`}>
      {props.children}
      <p id={`${props.id}-error`} class="org-error" role="alert">
        {error()}
      </p>
      <button type="submit" class="primary org-wide" disabled={busy()}>
        {busy() ? ot('signingIn') : props.label}
      </button>
    </form>
  );
}

/**
 * Sign-in with a username and password; the owner token (for the first accounts, and
 * scripts' owner) under a disclosure. A refused sign-in says why and keeps what was typed.
 */
export function SignIn() {
  const signIn = async (body: Parameters<typeof api.login>[0]) => session.signedIn((await api.login(body)).account);
  return (
    <div class="organiser-page org-signin">
      <div class="org-card org-signin-card">
        <h1 id="signin-title">{ot('signInTitle')}</h1>
        <Show when={session.ended()}>
          <p class="org-error" role="alert">{at('sessionEnded')}</p>
        </Show>
        <p class="org-note">{at('signInHelp')}</p>
        <SignInForm
          id="password-signin"
          label={ot('signIn')}
          wrong={at('wrongPassword')}
          send={([username, password]) => signIn({ username: username!.trim(), password: password! })}
        >
          <div class="org-field">
            <label for="org-username">{at('username')}</label>
            <input id="org-username" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} />
          </div>
          <div class="org-field">
            <label for="org-password">{at('password')}</label>
            <input id="org-password" name="password" type="password" autocomplete="current-password" />
          </div>
        </SignInForm>
        <details class="org-owner-token">
          <summary>{at('ownerToken')}</summary>
          <p class="org-note" id="token-help">{at('ownerTokenHelp')}</p>
          <SignInForm
            id="token-signin"
            label={at('ownerToken')}
            wrong={at('wrongToken')}
            send={([token]) => signIn({ token: token!.trim() })}
          >
            <div class="org-field">
              <label for="org-token">{at('token')}</label>
              <input id="org-token" type="password" autocomplete="off" aria-describedby="token-help" />
            </div>
          </SignInForm>
        </details>
        <p class="org-note">{at('privacy')}</p>
      </div>
    </div>
  );
}
