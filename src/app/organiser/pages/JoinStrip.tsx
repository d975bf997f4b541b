import { Show } from 'solid-js';
import { JoinCode, LinkText } from '../JoinInfo';
import { shortLink } from '../join';
import type { LiveResults } from '../live';
import { QrCode } from '../Qr';
import { LiveBadge } from '../results/LiveBadge';
import { ot } from '../strings';

type Props = { title: string; link: string; code: string | undefined; count: string; live: LiveResults };

/**
 * The projector's top band: the QR code with the join code beside it and the link under
 * the code, the survey's title, and how many have answered. One row, so the chart below
 * keeps the screen's full width.
 */
export function JoinStrip(props: Props) {
  return (
    <header class="org-proj-strip">
      <QrCode text={props.link} label={`${ot('qrFor')} ${props.link}`} class="org-proj-qr" />
      <div class="org-proj-join">
        <h1 class="org-proj-title">{props.title}</h1>
        <p class="org-proj-scan">{ot('scanToJoin')}</p>
        <Show when={props.code}>{(code) => <JoinCode code={code()} />}</Show>
        <p class="org-proj-link">
          <span class="org-proj-or">{ot('orGoTo')}</span> <LinkText text={shortLink(props.link)} />
        </p>
      </div>
      <div class="org-proj-tally">
        <p class="org-proj-count">
          <strong data-testid="projector-count">{props.count}</strong> {ot('responsesSoFar')}
        </p>
        <LiveBadge live={props.live} />
      </div>
    </header>
  );
}
