import { For, Show } from 'solid-js';
import type { Axis, AxisPosition } from '../../../core/analysis';
import type { Names } from './names';
import { mt } from './strings';

type Numbers = (question: string) => string | undefined;

const list = (positions: AxisPosition[], number: Numbers) => positions.map((p) => mt('qNumber').replace('{n}', number(p.question) ?? p.question)).join(', ');

/**
 * The positions each axis stands for, written at its ends on the map ("Q3, Q5 →"): a
 * respondent towards an end agrees more than average with the positions named there.
 */
export function AxisEnds(props: { axes: [Axis, Axis]; number: Numbers; origin: [number, number]; size: [number, number] }) {
  const label = (positions: AxisPosition[], before: string, after: string) => (positions.length ? `${before}${mt('moreAgree')} ${list(positions, props.number)}${after}` : '');
  const text = { 'font-size': '13', fill: '#333', stroke: '#fff', 'stroke-width': '3', 'paint-order': 'stroke' } as const;
  return (
    <g aria-hidden="true">
      <text x={props.size[0] - 6} y={props.origin[1] - 6} text-anchor="end" {...text}>{label(props.axes[0].positive, '', ' →')}</text>
      <text x={6} y={props.origin[1] - 6} {...text}>{label(props.axes[0].negative, '← ', '')}</text>
      <text x={props.origin[0] + 6} y={16} {...text}>{label(props.axes[1].positive, '↑ ', '')}</text>
      <text x={props.origin[0] + 6} y={props.size[1] - 8} {...text}>{label(props.axes[1].negative, '↓ ', '')}</text>
    </g>
  );
}

function End(props: { title: string; positions: AxisPosition[]; names: Names }) {
  return (
    <Show when={props.positions.length > 0}>
      <p>
        {props.title}:
      </p>
      <ul>
        <For each={props.positions}>{(p) => <li>{props.names.position(p.question)}</li>}</For>
      </ul>
    </Show>
  );
}

/** What the map's two axes mean, in words: the positions that pull respondents towards each end. */
export function AxesMeaning(props: { axes: [Axis, Axis]; names: Names }) {
  const rows = () => [
    { name: mt('across'), axis: props.axes[0], plus: mt('rightAgrees'), minus: mt('leftAgrees') },
    { name: mt('upDown'), axis: props.axes[1], plus: mt('upAgrees'), minus: mt('downAgrees') },
  ];
  return (
    <section class="org-card org-opm-axes" aria-labelledby="opm-axes">
      <h3 id="opm-axes">{mt('axesTitle')}</h3>
      <dl>
        <For each={rows()}>
          {(row) => (
            <>
              <dt>{row.name}</dt>
              <dd>
                <Show when={row.axis.positive.length + row.axis.negative.length > 0} fallback={<p>{mt('noAxis')}</p>}>
                  <End title={row.plus} positions={row.axis.positive} names={props.names} />
                  <End title={row.minus} positions={row.axis.negative} names={props.names} />
                </Show>
              </dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
