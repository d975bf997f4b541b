import { Match, Show, Switch } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { ageText, createNow, dateTime } from '../format';
import type { LiveResults } from '../live';
import { ot } from '../strings';

/** Whether the figures are live, reconnecting or a saved copy, and how old they are when not live. */
export function LiveBadge(props: { live: LiveResults }) {
  const now = createNow(10_000);
  const state = () => props.live.state();
  const problem = () => {
    const e = props.live.error();
    return isAppError(e) ? e.message : String(e ?? '');
  };
  return (
    <p class="org-live" data-state={state()} role="status">
      <span class="org-live-dot" aria-hidden="true" />
      <Switch>
        <Match when={state() === 'live'}>{ot('live')}</Match>
        <Match when={state() === 'connecting'}>{ot('connecting')}</Match>
        <Match when={state() === 'reconnecting'}>{ot('reconnecting')}</Match>
        <Match when={state() === 'offline'}>{ot('offlineCached')}</Match>
        <Match when={state() === 'failed'}>
          {ot('failed')}: {problem()}
        </Match>
      </Switch>
      <Show when={state() !== 'live' && props.live.fetchedAt()}>
        {(at) => (
          <span class="org-age">
            {' · '}
            {ot('updated')} <time datetime={at()} title={dateTime(at())}>{ageText(at(), now())}</time>
          </span>
        )}
      </Show>
    </p>
  );
}
