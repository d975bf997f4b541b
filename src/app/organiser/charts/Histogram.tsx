import { For, Show } from 'solid-js';
import { clampInterval } from '../../../core/interval';
import type { SpectrumQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import { clampNote, meanText, percent, type Scale } from '../format';
import { ot } from '../strings';
import { Figure } from './Figure';

type Summary = { n: number; counts: Record<string, number>; mean: number | null; ci: [number, number] | null; dk?: number; dkShare?: number };

/** The spectrum as a histogram, one bar per point, with a line at the mean and a band for its interval. */
export function HistogramChart(props: { question: SpectrumQuestion; summary: Summary }) {
  const values = () => Array.from({ length: props.question.max - props.question.min + 1 }, (_, i) => props.question.min + i);
  const count = (v: number) => props.summary.counts[String(v)] ?? 0;
  // Shares of those who chose a point; "don't know" is a row of its own in the table.
  const rated = () => props.summary.n - (props.summary.dk ?? 0);
  const tallest = () => Math.max(1, ...values().map(count));
  // Bars are centred on their value, so a value x sits at the middle of its bar.
  const at = (x: number) => `${((x - props.question.min + 0.5) / values().length) * 100}%`;
  const ends = () => `${props.question.min} ${tx(props.question.labels.low)} – ${props.question.max} ${tx(props.question.labels.high)}`;
  const scale = (): Scale => [props.question.min, props.question.max];
  const mean = () => meanText(props.summary.mean, props.summary.ci, scale());
  const band = () => clampInterval(props.summary.ci, ...scale()).ci;
  const note = () => clampNote([props.summary.ci], scale());
  return (
    <Figure
      label={`${ends()}. ${ot('mean')} ${mean()}. n = ${props.summary.n}`}
      caption={
        <>
          {ot('mean')} {mean()} · n = {props.summary.n}
          {props.summary.dk ? ` (${ot('dontKnow')} ${props.summary.dk})` : ''}
          <Show when={note()}>{(text) => <span class="org-clamped">{text()}</span>}</Show>
        </>
      }
      head={[ot('value'), ot('count'), ot('share')]}
      rows={[
        ...values().map((v) => [String(v), String(count(v)), percent(rated() ? count(v) / rated() : 0)]),
        ...(props.summary.dk ? [[ot('dontKnow'), String(props.summary.dk), percent(props.summary.dkShare ?? 0)]] : []),
      ]}
    >
      <div class="org-histogram">
        <For each={values()}>{(v) => <span style={{ height: `${(count(v) / tallest()) * 100}%` }} />}</For>
        {band() && <i class="org-band" style={{ left: at(band()![0]), width: `calc(${at(band()![1])} - ${at(band()![0])})` }} />}
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
