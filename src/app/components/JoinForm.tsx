import { useNavigate } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import { normaliseJoinCode } from '../../core/vocabulary';
import { t } from '../i18n';

/** Typing the short code from the projector, in any case: a wrong shape is caught here, the code itself by /j/CODE. */
export function JoinForm(props: { initial?: string }) {
  const navigate = useNavigate();
  const [invalid, setInvalid] = createSignal(false);
  let input!: HTMLInputElement;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const code = normaliseJoinCode(input.value);
    setInvalid(!code);
    if (code) navigate(`/j/${code}`);
    else input.focus();
  };
  return (
    <form class="card join-form" onSubmit={submit} noValidate>
      <label for="join-code">{t('joinCode')}</label>
      <p class="hint" id="join-code-hint">{t('joinCodeHint')}</p>
      <div class="join-row">
        <input
          id="join-code"
          ref={input}
          value={props.initial ?? ''}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={8}
          aria-describedby={invalid() ? 'join-code-hint join-code-error' : 'join-code-hint'}
          aria-invalid={invalid()}
          onInput={() => setInvalid(false)}
        />
        <button type="submit" class="primary">{t('join')}</button>
      </div>
      <Show when={invalid()}>
        <p class="error" id="join-code-error">{t('joinCodeInvalid')}</p>
      </Show>
    </form>
  );
}
