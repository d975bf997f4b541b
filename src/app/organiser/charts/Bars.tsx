import { For, Show } from 'solid-js';
import { clampInterval } from '../../../core/interval';
import type { AllocationQuestion, ChoiceQuestion, RankingQuestion } from '../../../core/survey';
import type { QuestionSummary } from '../../../core/summary';
import { tx } from '../../i18n';
import { clampNote, meanText, num, percent, type Scale } from '../format';
import { ot } from '../strings';
import { Figure } from './Figure';

/** One bar: its label, its length on the shared scale, the figure written beside it, and an optional interval. */
type BarRow = { label: string; value: number; text: string; ci?: [number, number] | null };

/** Horizontal bars on one scale from 0 to `max`, each with its figure written out. */
function Bars(props: { rows: BarRow[]; max: number }) {
  const at = (x: number) => `${(Math.max(0, Math.min(x, props.max)) / (props.max || 1)) * 100}%`;
  return (
    <div class="org-bars">
      <For each={props.rows}>
        {(row) => (
          <div class="org-bar-row">
            <span class="org-bar-label">{row.label}</span>
            <span class="org-bar-track">
              <span class="org-bar" style={{ width: at(row.value) }} />
              {row.ci && <span class="org-bar-ci" style={{ left: at(row.ci[0]), width: `calc(${at(row.ci[1])} - ${at(row.ci[0])})` }} />}
            </span>
            <span class="org-bar-value">{row.text}</span>
          </div>
        )}
      </For>
    </div>
  );
}

type Summary<K extends QuestionSummary['kind']> = Extract<QuestionSummary, { kind: K }>;

/** Choices as the share of those who answered that picked each option. */
export function ChoiceChart(props: { question: ChoiceQuestion; summary: Summary<'choice'> }) {
  const rows = () =>
    props.question.options.map((o) => {
      const share = props.summary.shares[o.id] ?? 0;
      return { label: tx(o.label), value: share, text: `${percent(share)} (${props.summary.counts[o.id] ?? 0})` };
    });
  return (
    <Figure
      label={`${rows().map((r) => `${r.label} ${r.text}`).join(', ')}. n = ${props.summary.n}`}
      caption={<>n = {props.summary.n}</>}
      head={[ot('option'), ot('count'), ot('share')]}
      rows={props.question.options.map((o) => [tx(o.label), String(props.summary.counts[o.id] ?? 0), percent(props.summary.shares[o.id] ?? 0)])}
    >
      <Bars rows={rows()} max={1} />
    </Figure>
  );
}

/** The allocation as the mean amount per area, each with its 95% interval. */
export function AllocationChart(props: { question: AllocationQuestion; summary: Summary<'allocation'> }) {
  const area = (id: string) => props.summary.areas[id] ?? { mean: null, ci: null };
  const scale = (): Scale => [0, props.question.total];
  const ci = (id: string) => clampInterval(area(id).ci, ...scale()).ci;
  const rows = () =>
    props.question.options.map((o) => ({ label: tx(o.label), value: area(o.id).mean ?? 0, ci: ci(o.id), text: meanText(area(o.id).mean, area(o.id).ci, scale()) }));
  const max = () => Math.max(1, ...rows().map((r) => r.ci?.[1] ?? r.value));
  const unit = () => tx(props.question.unit);
  const note = () => clampNote(props.question.options.map((o) => area(o.id).ci), scale());
  return (
    <Figure
      label={`${ot('mean')} (${unit()}): ${rows().map((r) => `${r.label} ${r.text}`).join(', ')}. n = ${props.summary.n}`}
      caption={
        <>
          {ot('mean')} ({unit()}, {ot('total')} {props.question.total}) · n = {props.summary.n}
          <Show when={note()}>{(text) => <span class="org-clamped">{text()}</span>}</Show>
        </>
      }
      head={[ot('area'), `${ot('mean')} (${unit()})`, ot('ci')]}
      rows={props.question.options.map((o) => [tx(o.label), num(area(o.id).mean), ci(o.id) ? `${num(ci(o.id)![0])}–${num(ci(o.id)![1])}` : '—'])}
    >
      <Bars rows={rows()} max={max()} />
    </Figure>
  );
}

/** Rankings by Borda score (first of k picks scores k, unranked 0), with the share who put each first. */
export function RankingChart(props: { question: RankingQuestion; summary: Summary<'ranking'> }) {
  const option = (id: string) => props.summary.options[id] ?? { borda: 0, firstShare: 0, points: 0, positions: [] };
  const sorted = () => [...props.question.options].sort((a, b) => option(b.id).borda - option(a.id).borda);
  const text = (id: string) => `${num(option(id).borda)} · ${ot('firstChoice')} ${percent(option(id).firstShare)}`;
  return (
    <Figure
      label={`${ot('borda')} (0–${props.question.pick}): ${sorted().map((o) => `${tx(o.label)} ${text(o.id)}`).join(', ')}. n = ${props.summary.n}`}
      caption={<>{ot('borda')} (0–{props.question.pick}) · n = {props.summary.n}</>}
      head={[ot('option'), ot('borda'), ot('firstChoice'), ...Array.from({ length: props.question.pick }, (_, i) => `#${i + 1}`)]}
      rows={sorted().map((o) => [tx(o.label), num(option(o.id).borda), percent(option(o.id).firstShare), ...Array.from({ length: props.question.pick }, (_, i) => String(option(o.id).positions[i] ?? 0))])}
    >
      <Bars rows={sorted().map((o) => ({ label: tx(o.label), value: option(o.id).borda, text: text(o.id) }))} max={props.question.pick} />
    </Figure>
  );
}
