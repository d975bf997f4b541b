import { A, useLocation } from '@solidjs/router';
import { Show, createMemo, createResource, onCleanup, onMount } from 'solid-js';
import { locale, setLocale, tx } from '../../i18n';
import { loadDefinition, ready } from '../cache';
import { PageError } from '../PageError';
import { orgHref, surveyIdParam } from '../paths';
import { api } from '../state';
import { loadReport, readReportQuery, reportSearch } from './load';
import { MethodBlock } from './Method';
import { OpinionSummary } from './Opinion';
import { QuestionSections } from './Questions';
import css from './report.css?inline';
import { rt } from './strings';
import { TrendSection } from './Trends';

// Like the organiser's own styles, the report's travel in its chunk as text.
function installStyles(): void {
  if (document.getElementById('report-styles')) return;
  document.head.append(Object.assign(document.createElement('style'), { id: 'report-styles', textContent: css }));
}

/**
 * Opens every figure's table as it appears: on paper a closed disclosure would hide the
 * figures, and the report is read there.
 */
function openTables(root: HTMLElement): () => void {
  const open = () => root.querySelectorAll('details').forEach((d) => (d.open = true));
  const observer = new MutationObserver(open);
  observer.observe(root, { childList: true, subtree: true });
  open();
  return () => observer.disconnect();
}

/** The screen-only bar: back to the results and print (the app's own switch sets the language). */
function Toolbar(props: { surveyId: string }) {
  return (
    <div class="rp-toolbar org-actions">
      <A class="button secondary small" href={orgHref('results', { survey: props.surveyId })}>{rt('backToResults')}</A>
      <button type="button" class="small" onClick={() => window.print()}>{rt('print')}</button>
    </div>
  );
}

/**
 * `/organiser/report?survey=&version=&wave=&channel=&group=&weighted=&lang=`: the
 * printable A4 report of one survey and filter, in Korean or English: the method block,
 * every question with its chart and table and the groups side by side, the trends across
 * waves, and the opinion map's consensus and division.
 */
export function ReportPage() {
  installStyles();
  const id = surveyIdParam;
  const location = useLocation();
  const query = createMemo(() => readReportQuery(location.search));
  onMount(() => {
    const lang = query().lang;
    if (lang && lang !== locale()) setLocale(lang);
  });
  const [report] = createResource(() => JSON.stringify([id(), reportSearch(query())]), () => loadReport(api, id(), query()));
  const data = () => ready(report);
  const [survey] = createResource(() => (data() ? ([id(), data()!.version] as const) : undefined), ([surveyId, v]) => loadDefinition(api, surveyId, v));
  const definition = () => ready(survey);
  // The opinion map is of people, not weighted figures: the same filters, no weighting.
  const mapQuery = () => reportSearch({ ...query(), version: data()?.version, weighted: false });
  let root!: HTMLDivElement;
  onMount(() => onCleanup(openTables(root)));
  return (
    <div class="organiser-page rp-page" ref={root} lang={locale()}>
      <Toolbar surveyId={id()} />
      <PageError error={report.error ?? survey.error} />
      <Show when={data() && definition()} fallback={<p class="org-note" role="status">{rt('loadingReport')}</p>}>
        <header class="rp-title">
          <h1>{tx(definition()!.title)} · {rt('report')}</h1>
          <p class="org-note">{tx(definition()!.description)}</p>
        </header>
        <MethodBlock survey={definition()!} report={data()!} />
        <QuestionSections survey={definition()!} snapshot={data()!.results} />
        <TrendSection survey={definition()!} snapshot={data()!.results} />
        <OpinionSummary survey={definition()!} query={mapQuery()} />
      </Show>
    </div>
  );
}
