import { A } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { locale } from '../../i18n';
import { queryString } from '../api';
import { orgHref } from '../paths';
import { api } from '../state';
import { ot } from '../strings';

/**
 * Raw data downloads of one version and wave: CSV for spreadsheets, a workbook labelled in
 * the page's language with its codebook, the codebook alone, NDJSON for everything else;
 * and the way to the printable report of the same view.
 */
export function Exports(props: { surveyId: string; version: number; wave?: string }) {
  const [status, setStatus] = createSignal('');
  const query = () => ({ version: props.version, wave: props.wave });
  const save = async (path: string, filename: string) => {
    setStatus(ot('downloading'));
    try {
      await api.download(path, filename);
      setStatus('');
    } catch (error) {
      setStatus(`${ot('failed')}: ${isAppError(error) ? error.message : String(error)}`);
    }
  };
  const name = (ext: string) => `${props.surveyId}-v${props.version}${props.wave ? `-${props.wave}` : ''}.${ext}`;
  const raw = (format: 'csv' | 'ndjson') => void save(api.exportPath(props.surveyId, format, query()), name(format));
  const survey = () => `/surveys/${encodeURIComponent(props.surveyId)}`;
  return (
    <section class="org-card" aria-labelledby="exports-title">
      <h2 id="exports-title">{ot('exports')}</h2>
      <p class="org-note">{ot('exportHelp')}</p>
      <div class="org-actions">
        <button type="button" class="secondary" onClick={() => raw('csv')}>
          {ot('downloadCsv')}
        </button>
        <button type="button" class="secondary" onClick={() => void save(`${survey()}/responses.xlsx${queryString({ ...query(), lang: locale() })}`, name(`${locale()}.xlsx`))}>
          {ot('downloadXlsx')}
        </button>
        <button type="button" class="secondary" onClick={() => void save(`${survey()}/codebook.csv${queryString({ version: props.version })}`, `${props.surveyId}-v${props.version}-codebook.csv`)}>
          {ot('downloadCodebook')}
        </button>
        <button type="button" class="secondary" onClick={() => raw('ndjson')}>
          {ot('downloadNdjson')}
        </button>
        <A class="button secondary" href={orgHref('report', { survey: props.surveyId, ...query(), lang: locale() })}>
          {ot('printableReport')}
        </A>
      </div>
      <p class="org-note" role="status">
        {status()}
      </p>
    </section>
  );
}
