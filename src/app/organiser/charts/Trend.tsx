import { For, Show } from 'solid-js';
import { clampInterval } from '../../../core/interval';
import { meanText, clampNote, num, segmentCount, type Scale } from '../format';
import { ot } from '../strings';
import { Figure } from './Figure';

/** One wave's figure for one question; `n` null and no mean when the wave is withheld. */
export type TrendPoint = {
  label: string;
  n: number | null;
  /** How many of `n` said "don't know", left out of the mean as in the Likert and spectrum charts. */
  dk?: number;
  mean: number | null;
  ci: [number, number] | null;
  /** Which wording the point belongs to: points of different lines are never joined. */
  line?: number;
};

const W = 600;
const H = 160;
const PAD = 28;
/** Room for the axis figures at the left: 6% of the width, which the wave labels below skip too. */
const AXIS = 36;

/**
 * Means across waves as a line with 95% whiskers, waves in start order. A withheld wave
 * breaks the line rather than being drawn as a figure nobody may see.
 */
export function TrendChart(props: { min: number; max: number; points: TrendPoint[] }) {
  // Each wave sits at the middle of its column, so the labels below line up with the points.
  const x = (i: number) => AXIS + ((W - AXIS) * (i + 0.5)) / props.points.length;
  const y = (v: number) => H - PAD / 2 - ((v - props.min) / (props.max - props.min)) * (H - PAD);
  // One path per line: a reworded question starts a new line, drawn apart from the old one.
  const paths = () => {
    const out: { line: number; d: string }[] = [];
    let drawing = false;
    props.points.forEach((p, i) => {
      const line = p.line ?? 0;
      if (out[out.length - 1]?.line !== line) {
        out.push({ line, d: '' });
        drawing = false;
      }
      if (p.mean === null) return void (drawing = false);
      out[out.length - 1]!.d += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.mean).toFixed(1)} `;
      drawing = true;
    });
    return out;
  };
  const last = () => props.points[props.points.length - 1]?.line ?? 0;
  const scale = (): Scale => [props.min, props.max];
  const ci = (p: TrendPoint) => clampInterval(p.ci, props.min, props.max).ci;
  const dkText = (p: TrendPoint) => (p.dk ? ` (${ot('dontKnow')} ${p.dk})` : '');
  const anyDk = () => props.points.some((p) => p.dk);
  const describe = (p: TrendPoint) => (p.n === null ? ot('withheld') : `${meanText(p.mean, p.ci, scale())}, n = ${p.n}${dkText(p)}`);
  const note = () => clampNote(props.points.map((p) => p.ci), scale());
  const grid = () => [props.min, (props.min + props.max) / 2, props.max];
  return (
    <Figure
      label={`${ot('mean')}: ${props.points.map((p) => `${p.label} ${describe(p)}`).join('; ')}`}
      caption={
        <>
          {ot('mean')} · {props.points.map((p) => `${p.label} n = ${segmentCount(p.n)}${dkText(p)}`).join(' · ')}
          <Show when={note()}>{(text) => <span class="org-clamped">{text()}</span>}</Show>
        </>
      }
      head={[ot('wave'), 'n', ...(anyDk() ? [ot('dontKnow')] : []), ot('mean'), ot('ci')]}
      rows={props.points.map((p) => [
        p.label,
        segmentCount(p.n),
        ...(anyDk() ? [String(p.dk ?? 0)] : []),
        num(p.mean),
        ci(p) ? `${num(ci(p)![0])}–${num(ci(p)![1])}` : '—',
      ])}
    >
      <svg class="org-trend" viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
        <For each={grid()}>
          {(v) => (
            <>
              <line class="org-grid" x1={AXIS} x2={W} y1={y(v)} y2={y(v)} />
              <text x={2} y={y(v) + 4}>{num(v)}</text>
            </>
          )}
        </For>
        <For each={paths()}>{(p) => <path class="org-trend-line" classList={{ 'org-trend-earlier': p.line !== last() }} d={p.d.trim()} />}</For>
        <For each={props.points}>
          {(p, i) =>
            p.mean !== null && (
              <>
                {ci(p) && <line class="org-trend-ci" x1={x(i())} x2={x(i())} y1={y(ci(p)![0])} y2={y(ci(p)![1])} />}
                <circle class="org-trend-dot" classList={{ 'org-trend-earlier': (p.line ?? 0) !== last() }} cx={x(i())} cy={y(p.mean)} r={5} />
              </>
            )
          }
        </For>
      </svg>
      <div class="org-trend-labels" style={{ 'grid-template-columns': `repeat(${props.points.length}, 1fr)` }}>
        <For each={props.points}>{(p) => <span>{p.label}</span>}</For>
      </div>
    </Figure>
  );
}
