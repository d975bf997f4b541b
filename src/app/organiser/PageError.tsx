import { Show } from 'solid-js';
import { isAppError } from '../../core/errors';
import { ot } from './strings';

/** Why a page's data could not be read, in words; nothing for a refused token (sign-in takes over). */
export function PageError(props: { error: unknown }) {
  const message = () => {
    const e = props.error;
    if (!e || isAppError(e, 'unauthorized')) return undefined;
    if (isAppError(e, 'network')) return ot('unreachable');
    return e instanceof Error ? e.message : String(e);
  };
  return (
    <Show when={message()}>
      <p class="org-error" role="alert">
        {ot('failed')}: {message()}
      </p>
    </Show>
  );
}
