import { For, Show, createResource, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { ready } from '../cache';
import { ConfirmButton } from '../ConfirmButton';
import { dateTime } from '../format';
import { PageError } from '../PageError';
import type { TokenInfo } from '../api';
import { api, session } from '../state';
import { Secret } from './Secret';
import { at } from './strings';

/** A table of tokens, each with its revoke button. */
function TokenTable(props: { caption: string; tokens: TokenInfo[]; showAccount: boolean; onRevoked: () => void }) {
  return (
    <Show when={props.tokens.length} fallback={<p class="org-note">{at('noTokens')}</p>}>
      <div class="org-scroll">
        <table class="org-data">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{at('name')}</th>
              <Show when={props.showAccount}>
                <th scope="col">{at('account')}</th>
              </Show>
              <th scope="col">{at('createdAt')}</th>
              <th scope="col">{at('lastUsed')}</th>
              <th scope="col">
                <span class="visually-hidden">{at('revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.tokens}>
              {(t) => (
                <tr>
                  <th scope="row">{t.name}</th>
                  <Show when={props.showAccount}>
                    <td>{t.account}</td>
                  </Show>
                  <td>{dateTime(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? dateTime(t.lastUsedAt) : at('never')}</td>
                  <td>
                    <ConfirmButton label={at('revoke')} confirmLabel={at('confirmRevoke')} onConfirm={() => api.revokeToken(t.id).then(props.onRevoked)} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

/** Makes a token and shows it once. */
function MakeToken(props: { onMade: () => void }) {
  const [made, setMade] = createSignal<string>();
  const [error, setError] = createSignal('');
  let input!: HTMLInputElement;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    if (!input.value.trim()) return input.focus();
    try {
      setMade((await api.makeToken(input.value.trim())).token);
      input.value = '';
      props.onMade();
    } catch (e) {
      setError(isAppError(e) ? e.message : String(e));
    }
  };
  return (
    <form class="org-card org-form" onSubmit={(e) => void submit(e)} aria-labelledby="make-token-title" noValidate>
      <h2 id="make-token-title">{at('makeToken')}</h2>
      <div class="org-field">
        <label for="token-name">{at('tokenName')}</label>
        <input id="token-name" ref={input} maxLength={80} autocomplete="off" />
      </div>
      <button type="submit" class="primary">
        {at('makeToken')}
      </button>
      <p class="org-error" role="alert">
        {error()}
      </p>
      <Show when={made()}>{(token) => <Secret id="new-token" label={at('newToken')} value={token()} />}</Show>
    </form>
  );
}

/** `/organiser/tokens`: the account's personal API tokens (an owner also sees and revokes everyone's). */
export function TokensPage() {
  const [list, { refetch }] = createResource(() => api.tokens());
  const mine = () => (ready(list)?.tokens ?? []).filter((t) => t.account === session.account()?.username);
  const others = () => (ready(list)?.tokens ?? []).filter((t) => t.account !== session.account()?.username);
  return (
    <div class="organiser-page">
      <h1>{at('myTokens')}</h1>
      <p class="org-note">{at('tokensHelp')}</p>
      <PageError error={list.error} />
      <Show when={!session.account()?.builtIn} fallback={<p class="org-card org-note">{at('ownerTokenNoTokens')}</p>}>
        <MakeToken onMade={() => void refetch()} />
        <TokenTable caption={at('myTokens')} tokens={mine()} showAccount={false} onRevoked={() => void refetch()} />
      </Show>
      <Show when={session.can('owner') && others().length}>
        <TokenTable caption={at('otherTokens')} tokens={others()} showAccount onRevoked={() => void refetch()} />
      </Show>
    </div>
  );
}
