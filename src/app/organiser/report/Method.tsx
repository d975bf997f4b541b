import { For, Show } from 'solid-js';
import { allQuestions, type Survey } from '../../../core/survey';
import { tx } from '../../i18n';
import { DataTable } from '../charts/Figure';
import { channelName, dateTime, groupName, num, percent, segmentCount } from '../format';
import type { ReportData } from './load';
import { rt } from './strings';

type Counted = { label: string; count: number | null };

/** A small table of counts (by channel, wave or group) under its own heading. */
function Counts(props: { title: string; head: string; rows: Counted[] }) {
  return (
    <Show when={props.rows.length > 0}>
      <div class="rp-keep">
        <h3>{props.title}</h3>
        <DataTable head={[props.head, rt('count')]} rows={props.rows.map((r) => [r.label, segmentCount(r.count)])} />
      </div>
    </Show>
  );
}

/** The filters in effect, in words. */
function filtersText(survey: Survey, filters: ReportData['filters']): string {
  const parts = [
    filters.wave ? `${rt('wave')}: ${filters.wave}` : '',
    filters.channel ? `${rt('channel')}: ${channelName(filters.channel)}` : '',
    filters.group ? `${rt('group')}: ${groupName(survey, filters.group)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : rt('noFilters');
}

/** How the figures are weighted: the shares, Kish's effective n and the groups left out; or that they are not. */
function Weighting(props: { survey: Survey; report: ReportData }) {
  const summary = () => props.report.results.weighting;
  return (
    <div class="rp-keep">
      <h3>{rt('weighting')}</h3>
      <Show when={summary()} fallback={<p>{props.report.weighting ? rt('weightingNotApplied') : rt('unweighted')}</p>}>
        {(w) => (
          <>
            <p>{rt('weightedRule').replace('{n}', num(w().effectiveN))}</p>
            <DataTable head={[rt('group'), rt('share')]} rows={Object.entries(w().shares).map(([g, share]) => [groupName(props.survey, g), percent(share)])} />
            <Show when={w().excluded.length > 0}>
              <p>{rt('excluded')}: {w().excluded.map((g) => groupName(props.survey, g)).join(', ')}</p>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}

/** The reworded, added and removed questions since the version before, by prompt. */
function Changes(props: { survey: Survey; report: ReportData }) {
  const changed = () => props.report.changes.questions.filter((q) => q.change !== 'unchanged');
  const prompt = (id: string) => {
    const question = allQuestions(props.survey).find((q) => q.id === id);
    return question ? tx(question.prompt) : id;
  };
  return (
    <Show when={props.report.changes.previous !== null}>
      <div class="rp-keep">
        <h3>{rt('changes')} (v{props.report.changes.previous} → v{props.report.version})</h3>
        <Show when={changed().length > 0} fallback={<p>{rt('noChanges')}</p>}>
          <ul>
            <For each={changed()}>{(q) => <li>{prompt(q.id)} ({rt(q.change as 'reworded' | 'added' | 'removed')})</li>}</For>
          </ul>
        </Show>
      </div>
    </Show>
  );
}

/**
 * The method block: version and filters, fieldwork dates, n by channel, wave and group,
 * the withholding rule, the interval method, the weighting and the changes since the
 * version before, so a reader can judge every figure that follows.
 */
export function MethodBlock(props: { survey: Survey; report: ReportData }) {
  const r = () => props.report.results;
  const fieldwork = () => props.report.fieldwork;
  const items = (): [string, string][] => [
    [rt('version'), `v${props.report.version}`],
    [rt('filters'), filtersText(props.survey, props.report.filters)],
    [rt('fieldwork'), fieldwork() ? `${dateTime(fieldwork()!.first)} – ${dateTime(fieldwork()!.last)}` : rt('fieldworkWithheld')],
    [rt('total'), segmentCount(r().count)],
    [rt('generated'), dateTime(props.report.generatedAt)],
  ];
  const waveName = (w: ReportData['results']['waves'][number]) => (w.label ? tx(w.label) : w.wave);
  return (
    <section class="rp-section rp-method" aria-labelledby="rp-method">
      <h2 id="rp-method">{rt('method')}</h2>
      <dl class="rp-facts">
        <For each={items()}>{([term, value]) => <><dt>{term}</dt><dd>{value}</dd></>}</For>
      </dl>
      <div class="rp-counts">
        <Counts title={rt('byChannel')} head={rt('channel')} rows={r().channels.map((c) => ({ label: channelName(c.channel), count: c.count }))} />
        <Counts title={rt('byWave')} head={rt('wave')} rows={r().waves.map((w) => ({ label: waveName(w), count: w.count }))} />
        <Counts title={rt('byGroup')} head={rt('group')} rows={r().groups.map((g) => ({ label: groupName(props.survey, g.group), count: g.count }))} />
      </div>
      <div class="rp-keep">
        <h3>{rt('withholding')}</h3>
        <p>{rt('withholdingRule').replace('{n}', String(r().minSegment))}</p>
        <h3>{rt('intervals')}</h3>
        <p>{rt('intervalRule')}</p>
      </div>
      <Weighting survey={props.survey} report={props.report} />
      <Changes survey={props.survey} report={props.report} />
    </section>
  );
}
