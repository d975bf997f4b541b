import { createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { api } from '../state';
import { ot } from '../strings';

/** Raw data downloads (CSV for spreadsheets, NDJSON for everything else) of one version and wave. */
export function Exports(props: { surveyId: string; version: number; wave?: string }) {
  const [status, setStatus] = createSignal('');
  const save = async (format: 'csv' | 'ndjson') => {
    setStatus(ot('downloading'));
    const suffix = props.wave ? `-${props.wave}` : '';
    try {
      await api.download(api.exportPath(props.surveyId, format, { version: props.version, wave: props.wave }), `${props.surveyId}-v${props.version}${suffix}.${format}`);
      setStatus('');
    } catch (error) {
      setStatus(`${ot('failed')}: ${isAppError(error) ? error.message : String(error)}`);
    }
  };
  return (
    <section class="org-card" aria-labelledby="exports-title">
      <h2 id="exports-title">{ot('exports')}</h2>
      <p class="org-note">{ot('exportHelp')}</p>
      <div class="org-actions">
        <button type="button" class="secondary" onClick={() => void save('csv')}>
          {ot('downloadCsv')}
        </button>
        <button type="button" class="secondary" onClick={() => void save('ndjson')}>
          {ot('downloadNdjson')}
        </button>
      </div>
      <p class="org-note" role="status">
        {status()}
      </p>
    </section>
  );
}
