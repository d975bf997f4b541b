import { createSignal } from 'solid-js';
import { joinLink, shortLink } from '../join';
import { QrCode } from '../Qr';
import { ot } from '../strings';

/** A wave's join link, written out with a copy button, and its QR code. */
export function JoinPanel(props: { base: string; surveyId: string; wave: string; label: string }) {
  const link = () => joinLink(props.base, props.surveyId, props.wave);
  const [copied, setCopied] = createSignal('');
  const copy = async () => {
    await navigator.clipboard.writeText(link()).then(() => setCopied(ot('copied')), () => setCopied(ot('failed')));
  };
  return (
    <section class="org-card org-join" aria-labelledby="join-title">
      <h2 id="join-title">
        {ot('joinLink')}: {props.label}
      </h2>
      <p class="org-join-link">
        <a href={link()} data-testid="join-link">
          {shortLink(link())}
        </a>
      </p>
      <p class="org-actions">
        <button type="button" class="secondary small" onClick={() => void copy()}>
          {ot('copy')}
        </button>
        <span role="status">{copied()}</span>
      </p>
      <QrCode text={link()} label={`${ot('qrFor')} ${link()}`} />
    </section>
  );
}
