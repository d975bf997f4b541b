import { For, Show } from 'solid-js';
import { OTHER_WAVES } from '../../../core/disclosure';
import { tx } from '../../i18n';
import { ConfirmButton } from '../ConfirmButton';
import { channelName, createNow, dateTime } from '../format';
import { api } from '../state';
import { ot, type OrganiserStringKey } from '../strings';
import type { WaveRow } from '../types';
import { waveState, type WaveState } from '../waves';
import { fill } from '../../particles';
import { mg } from './strings';

const STATES: Record<WaveState, OrganiserStringKey> = { upcoming: 'notStarted', open: 'inProgress', closed: 'closed' };

type Props = { surveyId: string; waves: WaveRow[]; groupLabel: (group: string) => string; onJoin: (slug: string) => void; onDelete: (slug: string) => void; onChange: () => void };

/** A wave's name cell: its label in the UI language, its slug, and whether it is registered or a test. */
function WaveName(props: { wave: WaveRow }) {
  return (
    <th scope="row">
      {props.wave.label ? tx(props.wave.label) : props.wave.slug}
      <br />
      <code>{props.wave.slug}</code> <span class="org-note">{props.wave.registered ? ot('registered') : ot('seenInLinks')}</span>
      <Show when={props.wave.test}>
        {' '}
        <span class="org-badge">{ot('testWave')}</span>
      </Show>
    </th>
  );
}

/** The one row that sums the waves not listed on their own, with the step that clears invented ones. */
function OtherWaves(props: { surveyId: string; wave: WaveRow; onChange: () => void }) {
  return (
    <tr data-wave={OTHER_WAVES}>
      <th scope="row">
        {ot('otherWaves')}
        <br />
        <span class="org-note">{ot('otherWavesNote').replace('{n}', String(props.wave.slugs ?? 0))}</span>
      </th>
      <td>—</td>
      <td>—</td>
      <td>—</td>
      <td>—</td>
      <td>—</td>
      <td data-testid="wave-count">{props.wave.count}</td>
      <td>—</td>
      <td>
        <ConfirmButton label={ot('clearInvented')} confirmLabel={ot('confirmClearInvented')} onConfirm={() => api.clearInventedWaves(props.surveyId).then(() => props.onChange())} />
      </td>
    </tr>
  );
}

/** A wave's quotas filling: per group a bar and "count of target"; a dash without quotas. */
function Quotas(props: { wave: WaveRow; groupLabel: (group: string) => string }) {
  return (
    <Show when={props.wave.quotas?.length} fallback={'—'}>
      <ul class="org-plain">
        <For each={props.wave.quotas}>
          {(q) => (
            <li class="org-quota" data-group={q.group}>
              <span>{props.groupLabel(q.group)}</span>
              <progress max={q.target} value={Math.min(q.count, q.target)} aria-label={props.groupLabel(q.group)} />
              <span data-testid="quota-figure">{fill(mg('quotaFilled'), { count: q.count, target: q.target })}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/**
 * Every wave with its code, start, state, rule, count and quotas filling, and what can be done with it.
 * A wave whose start is still ahead reads "not started", never "in progress"; only a
 * test wave offers to delete its responses.
 */
export function WaveTable(props: Props) {
  const tick = createNow();
  // The tick re-renders states as starts and closes pass; the reading itself is taken
  // fresh, so a wave closed a moment ago reads closed at once.
  const now = () => {
    tick();
    return Date.now();
  };
  const after = (work: Promise<unknown>) => work.then(() => props.onChange());
  return (
    <table class="org-data org-waves" aria-labelledby="waves-title">
      <thead>
        <tr>
          <th scope="col">{ot('wave')}</th>
          <th scope="col">{ot('joinCode')}</th>
          <th scope="col">{ot('startsAt')}</th>
          <th scope="col">{ot('state')}</th>
          <th scope="col">{ot('channel')}</th>
          <th scope="col">{ot('onePerDevice')}</th>
          <th scope="col">{ot('responses')}</th>
          <th scope="col">{mg('quotaColumn')}</th>
          <th scope="col">{ot('manage')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.waves}>
          {(w) => w.slug === OTHER_WAVES ? <OtherWaves surveyId={props.surveyId} wave={w} onChange={props.onChange} /> : (
            <tr data-wave={w.slug}>
              <WaveName wave={w} />
              <td>{w.code ? <code class="org-code-small">{w.code}</code> : '—'}</td>
              <td>{w.startsAt ? dateTime(w.startsAt) : '—'}</td>
              <td data-testid="wave-state">
                {ot(STATES[waveState(w, now())])}
                <Show when={w.closesAt}>{(at) => <span class="org-note"> · {dateTime(at())}</span>}</Show>
              </td>
              <td>{w.registered ? channelName(w.channel ?? 'conference') : '—'}</td>
              <td>{w.oneResponsePerDevice ? '✓' : '—'}</td>
              <td data-testid="wave-count">{w.count}</td>
              <td data-testid="wave-quotas"><Quotas wave={w} groupLabel={props.groupLabel} /></td>
              <td>
                <div class="org-actions">
                  <button type="button" class="secondary small" onClick={() => props.onJoin(w.slug)}>
                    {ot('showJoin')}
                  </button>
                  <Show when={waveState(w, now()) !== 'closed'}>
                    <ConfirmButton label={ot('closeWave')} confirmLabel={ot('confirmClose')} onConfirm={() => after(api.closeWave(props.surveyId, w.slug))} />
                  </Show>
                  <Show when={w.test}>
                    <button type="button" class="secondary small org-danger" onClick={() => props.onDelete(w.slug)}>
                      {mg('deleteWave')}
                    </button>
                  </Show>
                </div>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
