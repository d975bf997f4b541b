import { For } from 'solid-js';
import type { SpectrumQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import { meanText, percent } from '../format';
import { ot } from '../strings';
import { Figure } from './Figure';

type Scale = { n: number; counts: Record<string, number>; mean: number | null; ci: [number, number] | null };

/** The spectrum as a histogram, one bar per point, with a line at the mean and a band for its interval. */
export function HistogramChart(props: { question: SpectrumQuestion; summary: Scale }) {
  const values = () => Array.from({ length: props.question.max - props.question.min + 1 }, (_, i) => props.question.min + i);
  const count = (v: number) => props.summary.counts[String(v)] ?? 0;
  const tallest = () => Math.max(1, ...values().map(count));
  // Bars are centred on their value, so a value x sits at the middle of its bar.
  const at = (x: number) => `${((x - props.question.min + 0.5) / values().length) * 100}%`;
  const ends = () => `${props.question.min} ${tx(props.question.labels.low)} – ${props.question.max} ${tx(props.question.labels.high)}`;
  const mean = () => meanText(props.summary.mean, props.summary.ci);
  return (
    <Figure
      label={`${ends()}. ${ot('mean')} ${mean()}. n = ${props.summary.n}`}
      caption={<>{ot('mean')} {mean()} · n = {props.summary.n}</>}
      head={[ot('value'), ot('count'), ot('share')]}
      rows={values().map((v) => [String(v), String(count(v)), percent(props.summary.n ? count(v) / props.summary.n : 0)])}
    >
      <div class="org-histogram">
        <For each={values()}>{(v) => <span style={{ height: `${(count(v) / tallest()) * 100}%` }} />}</For>
        {props.summary.ci && <i class="org-band" style={{ left: at(props.summary.ci[0]), width: `calc(${at(props.summary.ci[1])} - ${at(props.summary.ci[0])})` }} />}
        {props.summary.mean !== null && <b class="org-mean-line" style={{ left: at(props.summary.mean) }} />}
      </div>
      <div class="org-axis">
        <For each={values()}>{(v) => <span>{v}</span>}</For>
      </div>
      <div class="org-ends">
        <span>{tx(props.question.labels.low)}</span>
        <span>{tx(props.question.labels.high)}</span>
      </div>
    </Figure>
  );
}
