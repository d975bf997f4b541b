import { For } from 'solid-js';
import type { LikertQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import { meanText, percent } from '../format';
import { ot } from '../strings';
import { Figure, MeanMarker } from './Figure';

/** Red for disagree, grey for neutral, blue for agree: readable by the common colour blindnesses. */
const COLORS: Record<5 | 7, string[]> = {
  5: ['#b2182b', '#ef8a62', '#bababa', '#67a9cf', '#2166ac'],
  7: ['#b2182b', '#d6604d', '#f4a582', '#bababa', '#92c5de', '#4393c3', '#2166ac'],
};

type Scale = { n: number; counts: Record<string, number>; mean: number | null; ci: [number, number] | null };

/** Shares of disagree, neutral and agree; the middle point is neutral. */
function sides(points: number, s: Scale) {
  const share = (p: number) => (s.n ? (s.counts[String(p)] ?? 0) / s.n : 0);
  const mid = (points + 1) / 2;
  const sum = (keep: (p: number) => boolean) => Array.from({ length: points }, (_, i) => i + 1).filter(keep).reduce((t, p) => t + share(p), 0);
  return { share, mid, disagree: sum((p) => p < mid), neutral: share(mid), agree: sum((p) => p > mid) };
}

/**
 * A diverging stacked bar: disagreement to the left of the centre line, agreement to the
 * right, the neutral point split across it; below, the mean with its 95% interval.
 */
export function LikertChart(props: { question: LikertQuestion; summary: Scale }) {
  const points = () => Array.from({ length: props.question.points }, (_, i) => i + 1);
  const s = () => sides(props.question.points, props.summary);
  const color = (p: number) => COLORS[props.question.points][p - 1]!;
  const width = (p: number) => percent(p === s().mid ? s().share(p) / 2 : s().share(p));
  const pointName = (p: number) => (p === 1 ? `1 ${tx(props.question.labels.low)}` : p === props.question.points ? `${p} ${tx(props.question.labels.high)}` : String(p));
  const split = () => `${ot('disagree')} ${percent(s().disagree)} · ${ot('neutral')} ${percent(s().neutral)} · ${ot('agree')} ${percent(s().agree)}`;
  const label = () => `${split()}. ${ot('mean')} ${meanText(props.summary.mean, props.summary.ci)} / ${props.question.points}. n = ${props.summary.n}`;
  return (
    <Figure
      label={label()}
      caption={<>{split()} · {ot('mean')} {meanText(props.summary.mean, props.summary.ci)} · n = {props.summary.n}</>}
      head={[ot('value'), ot('count'), ot('share')]}
      rows={points().map((p) => [pointName(p), String(props.summary.counts[String(p)] ?? 0), percent(s().share(p))])}
    >
      <div class="org-diverging">
        <div class="org-half org-left">
          <For each={points().filter((p) => p <= s().mid)}>{(p) => <span style={{ width: width(p), background: color(p) }} />}</For>
        </div>
        <div class="org-half">
          <For each={points().filter((p) => p >= s().mid)}>{(p) => <span style={{ width: width(p), background: color(p) }} />}</For>
        </div>
      </div>
      <MeanMarker min={1} max={props.question.points} mean={props.summary.mean} ci={props.summary.ci} />
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
    </Figure>
  );
}
