import { tx } from '../../i18n';
import { For, Show } from 'solid-js';
import { ConfirmButton } from '../ConfirmButton';
import { api } from '../state';
import { dateTime } from '../format';
import { ot } from '../strings';
import type { WaveRow } from '../types';

/** Every wave with its start, rule, state and count, and what can be done with it. */
export function WaveTable(props: { surveyId: string; waves: WaveRow[]; onJoin: (slug: string) => void; onChange: () => void }) {
  const after = (work: Promise<unknown>) => work.then(() => props.onChange());
  return (
    <table class="org-data org-waves" aria-labelledby="waves-title">
      <thead>
        <tr>
          <th scope="col">{ot('wave')}</th>
          <th scope="col">{ot('startsAt')}</th>
          <th scope="col">{ot('onePerDevice')}</th>
          <th scope="col">{ot('closesAt')}</th>
          <th scope="col">{ot('responses')}</th>
          <th scope="col">{ot('manage')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.waves}>
          {(w) => (
            <tr data-wave={w.slug}>
              <th scope="row">
                {w.label ? tx(w.label) : w.slug}
                <br />
                <code>{w.slug}</code> <span class="org-note">{w.registered ? ot('registered') : ot('seenInLinks')}</span>
              </th>
              <td>{w.startsAt ? dateTime(w.startsAt) : '—'}</td>
              <td>{w.oneResponsePerDevice ? '✓' : '—'}</td>
              <td>{w.closesAt ? dateTime(w.closesAt) : ot('open')}</td>
              <td>{w.count}</td>
              <td>
                <div class="org-actions">
                  <button type="button" class="secondary small" onClick={() => props.onJoin(w.slug)}>
                    {ot('showJoin')}
                  </button>
                  <Show when={!w.closesAt}>
                    <ConfirmButton label={ot('closeWave')} confirmLabel={ot('confirmClose')} onConfirm={() => after(api.closeWave(props.surveyId, w.slug))} />
                  </Show>
                  <ConfirmButton label={ot('deleteWave')} confirmLabel={ot('confirmDelete')} onConfirm={() => after(api.deleteWave(props.surveyId, w.slug))} />
                </div>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
