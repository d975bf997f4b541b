import { Show, createSignal } from 'solid-js';
import { PASSWORD_MIN } from '../../../core/accounts';
import { isAppError } from '../../../core/errors';
import { orgHref } from '../paths';
import { api } from '../state';
import { ot } from '../strings';
import { at } from './strings';

/**
 * The secret of a set-password link, from the address's fragment (which no server log or
 * Referer carries), taken out of the address bar at once so it is not left in history.
 */
function takeSecret(): string {
  const secret = location.hash.slice(1);
  if (secret) history.replaceState(history.state, '', location.pathname + location.search);
  return secret;
}

/** `/organiser/set-password#…`: the holder of a link chooses their password, signed out. */
export function SetPasswordPage() {
  const secret = takeSecret();
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal(false);
  let first!: HTMLInputElement;
  let second!: HTMLInputElement;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    if (first.value.length < PASSWORD_MIN) return setError(at('tooShort'));
    if (first.value !== second.value) return setError(at('mismatch'));
    try {
      await api.setPassword(secret, first.value);
      setDone(true);
    } catch (e) {
      setError(isAppError(e, 'invalid_credentials') || isAppError(e, 'bad_request') ? at('linkInvalid') : isAppError(e, 'network') ? ot('unreachable') : String(e instanceof Error ? e.message : e));
    }
  };
  return (
    <div class="organiser-page org-signin">
      <div class="org-card org-signin-card">
        <h1>{at('setPasswordTitle')}</h1>
        <Show
          when={!done()}
          fallback={
            <>
              <p class="org-ok" role="status">{at('passwordSet')}</p>
              <a class="button primary" href={orgHref('surveys')}>
                {at('toSignIn')}
              </a>
            </>
          }
        >
          <form onSubmit={(e) => void submit(e)} noValidate>
            <p class="org-note" id="set-password-help">{at('setPasswordHelp')}</p>
            <div class="org-field">
              <label for="new-password-1">{at('newPassword')}</label>
              <input id="new-password-1" ref={first} type="password" autocomplete="new-password" aria-describedby="set-password-help" />
            </div>
            <div class="org-field">
              <label for="new-password-2">{at('repeatPassword')}</label>
              <input id="new-password-2" ref={second} type="password" autocomplete="new-password" />
            </div>
            <p class="org-error" role="alert">
              {error()}
            </p>
            <button type="submit" class="primary org-wide">
              {at('save')}
            </button>
          </form>
        </Show>
        <p class="org-note">{at('privacy')}</p>
      </div>
    </div>
  );
}
