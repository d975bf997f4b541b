import { For, Show } from 'solid-js';
import { clampInterval } from '../../../core/interval';
import type { LikertQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import { clampNote, meanText, percent, type Scale as Ends } from '../format';
import { ot } from '../strings';
import { Figure, MeanMarker } from './Figure';

/** Red for disagree, grey for neutral, blue for agree: readable by the common colour blindnesses. */
const COLORS: Record<5 | 7, string[]> = {
  5: ['#b2182b', '#ef8a62', '#bababa', '#67a9cf', '#2166ac'],
  7: ['#b2182b', '#d6604d', '#f4a582', '#bababa', '#92c5de', '#4393c3', '#2166ac'],
};

/** The diverging bar's own axis: shares from 100% disagree at the left edge, through 0 at the centre, to 100% agree. */
const SHARE_TICKS = [
  { at: '0%', text: '100%' },
  { at: '25%', text: '50%' },
  { at: '50%', text: '0' },
  { at: '75%', text: '50%' },
  { at: '100%', text: '100%' },
];

type Scale = { n: number; counts: Record<string, number>; mean: number | null; ci: [number, number] | null; dk?: number; dkShare?: number };

/** Shares of disagree, neutral and agree among those who chose a point; the middle point is neutral. */
function sides(points: number, s: Scale) {
  const rated = s.n - (s.dk ?? 0);
  const share = (p: number) => (rated ? (s.counts[String(p)] ?? 0) / rated : 0);
  const mid = (points + 1) / 2;
  const sum = (keep: (p: number) => boolean) => Array.from({ length: points }, (_, i) => i + 1).filter(keep).reduce((t, p) => t + share(p), 0);
  return { share, mid, disagree: sum((p) => p < mid), neutral: share(mid), agree: sum((p) => p > mid) };
}

/**
 * Two charts, each on its own labelled axis: a diverging stacked bar of the shares of
 * those who chose a point (disagreement left of the centre line, agreement right, neutral
 * split across it, ticks in percent; "don't know" counted beside it), then the mean with its 95% interval on the 1–points scale, the interval
 * cut at the scale's ends with a note saying so.
 */
export function LikertChart(props: { question: LikertQuestion; summary: Scale }) {
  const points = () => Array.from({ length: props.question.points }, (_, i) => i + 1);
  const ends = (): Ends => [1, props.question.points];
  const s = () => sides(props.question.points, props.summary);
  const color = (p: number) => COLORS[props.question.points][p - 1]!;
  const width = (p: number) => percent(p === s().mid ? s().share(p) / 2 : s().share(p));
  const pointName = (p: number) => (p === 1 ? `1 ${tx(props.question.labels.low)}` : p === props.question.points ? `${p} ${tx(props.question.labels.high)}` : String(p));
  const dk = () => props.summary.dk ?? 0;
  const split = () =>
    `${ot('disagree')} ${percent(s().disagree)} · ${ot('neutral')} ${percent(s().neutral)} · ${ot('agree')} ${percent(s().agree)}${dk() ? ` (${ot('dontKnow')} ${dk()})` : ''}`;
  const mean = () => meanText(props.summary.mean, props.summary.ci, ends());
  const note = () => clampNote([props.summary.ci], ends());
  return (
    <Figure
      label={`${split()}. ${ot('mean')} ${mean()} / ${props.question.points}. n = ${props.summary.n}`}
      caption={
        <>
          {split()} · {ot('mean')} {mean()} · n = {props.summary.n}
          <Show when={note()}>{(text) => <span class="org-clamped">{text()}</span>}</Show>
        </>
      }
      head={[ot('value'), ot('count'), ot('share')]}
      rows={[
        ...points().map((p) => [pointName(p), String(props.summary.counts[String(p)] ?? 0), percent(s().share(p))]),
        ...(dk() ? [[ot('dontKnow'), String(dk()), percent(props.summary.dkShare ?? 0)]] : []),
      ]}
    >
      <p class="org-axis-title">{ot('sharesAxis')}</p>
      <div class="org-diverging">
        <div class="org-half org-left">
          <For each={points().filter((p) => p <= s().mid)}>{(p) => <span style={{ width: width(p), background: color(p) }} />}</For>
        </div>
        <div class="org-half">
          <For each={points().filter((p) => p >= s().mid)}>{(p) => <span style={{ width: width(p), background: color(p) }} />}</For>
        </div>
      </div>
      <div class="org-ticks">
        <For each={SHARE_TICKS}>{(tick) => <span style={{ left: tick.at }}>{tick.text}</span>}</For>
      </div>
      <div class="org-legend">
        <For each={points()}>
          {(p) => (
            <span>
              <i style={{ background: color(p) }} />
              {pointName(p)}
            </span>
          )}
        </For>
      </div>
      <p class="org-axis-title">
        {ot('meanAxis')} {ends()[0]}–{ends()[1]}
      </p>
      <MeanMarker min={1} max={props.question.points} mean={props.summary.mean} ci={clampInterval(props.summary.ci, ...ends()).ci} />
    </Figure>
  );
}
