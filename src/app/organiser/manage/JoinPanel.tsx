import { Show, createSignal } from 'solid-js';
import { JoinAddressNote, JoinCode, LinkText } from '../JoinInfo';
import { joinLink, shortLink, type JoinAddress } from '../join';
import { QrCode } from '../Qr';
import { ot } from '../strings';
import type { WaveRow } from '../types';

/** A wave's join code in large type beside its QR code, the link written out with a copy button, and the address it carries. */
export function JoinPanel(props: { address: JoinAddress; surveyId: string; wave: WaveRow; label: string }) {
  const link = () => joinLink(props.address, props.surveyId, props.wave);
  const [copied, setCopied] = createSignal('');
  const copy = async () => {
    await navigator.clipboard.writeText(link()).then(() => setCopied(ot('copied')), () => setCopied(ot('failed')));
  };
  return (
    <section class="org-card org-join" aria-labelledby="join-title">
      <h2 id="join-title">
        {ot('joinLink')}: {props.label}
      </h2>
      <div class="org-join-body">
        <QrCode text={link()} label={`${ot('qrFor')} ${link()}`} />
        <div>
          <Show when={props.wave.code} fallback={<p class="org-note">{ot('noCode')}</p>}>
            {(code) => <JoinCode code={code()} />}
          </Show>
          <p class="org-join-link">
            <a href={link()} data-testid="join-link">
              <LinkText text={shortLink(link())} />
            </a>
          </p>
          <p class="org-actions">
            <button type="button" class="secondary small" onClick={() => void copy()}>
              {ot('copy')}
            </button>
            <span role="status">{copied()}</span>
          </p>
        </div>
      </div>
      <JoinAddressNote address={props.address} />
    </section>
  );
}
