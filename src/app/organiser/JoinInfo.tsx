import { For, Show } from 'solid-js';
import { onlyThisMachine, type JoinAddress } from './join';
import { ot, type OrganiserStringKey } from './strings';

/**
 * A link's text that may wrap only after "/", "?" or "&": each piece between them keeps
 * together, so an address never breaks inside a host name, a number or a code.
 */
export function LinkText(props: { text: string; class?: string }) {
  const parts = () => props.text.split(/(?<=[/?&])/);
  return (
    <span class={`org-url ${props.class ?? ''}`}>
      <For each={parts()}>
        {(part, i) => (
          <>
            {i() > 0 && <wbr />}
            <span class="org-url-part">{part}</span>
          </>
        )}
      </For>
    </span>
  );
}

/** A wave's join code in large type under its name, for people to type when they cannot scan. */
export function JoinCode(props: { code: string }) {
  return (
    <p class="org-join-code">
      <span class="org-join-code-label">{ot('joinCode')}</span>
      <strong class="org-code" data-testid="join-code">
        {props.code}
      </strong>
    </p>
  );
}

const SOURCES: Record<JoinAddress['source'], OrganiserStringKey> = {
  configured: 'sourceConfigured',
  lan: 'sourceLan',
  loopback: 'sourceLoopback',
  page: 'sourcePage',
};

/** Which address QR codes and links carry and where it came from, with a warning when phones cannot open it. */
export function JoinAddressNote(props: { address: JoinAddress }) {
  return (
    <>
      <p class="org-note org-join-address" data-testid="join-address">
        {ot('qrCarries')}: <LinkText text={props.address.base} /> ({ot(SOURCES[props.address.source])})
      </p>
      <Show when={onlyThisMachine(props.address)}>
        <p class="org-warning" data-testid="loopback-warning">
          {ot('loopbackWarning')}
        </p>
      </Show>
    </>
  );
}
