import { For, Show } from 'solid-js';
import type { Density, OpinionMap } from '../../../core/opinion-map';
import type { Axis } from '../../../core/analysis';
import { AxisEnds } from './Axes';
import { colourOf, convexHull, extentOf, markerPath, markersPath, scaleTo } from './geometry';
import { mt, people } from './strings';

type Shown = Extract<OpinionMap, { withheld: false }>;
type Scale = ReturnType<typeof scaleTo>;

const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = 24;

/** The ids drawn on the map: every shown group, then null for the members of withheld ones. */
function groupIds(map: Shown): (number | null)[] {
  const ids: (number | null)[] = map.groups.flatMap((g) => (g.withheld ? [] : [g.id]));
  return map.points.some((p) => p[2] === null) ? [...ids, null] : ids;
}

/** Each cell of the density grid as a square, its depth of colour rising with the square root of its count. */
function DensityCells(props: { density: Density; scale: Scale }) {
  const cells = () => {
    const { bins, extent, counts, groups } = props.density;
    const max = Math.max(...counts);
    const w = (extent[1] - extent[0]) / bins;
    const h = (extent[3] - extent[2]) / bins;
    return counts.flatMap((count, at) => {
      if (count === 0) return [];
      const x = extent[0] + (at % bins) * w;
      const y = extent[2] + Math.floor(at / bins) * h;
      const [left, top] = [props.scale.x(x), props.scale.y(y + h)];
      const size = { width: props.scale.x(x + w) - left, height: props.scale.y(y) - top };
      return [{ left, top, ...size, fill: colourOf(groups[at] ?? null), opacity: 0.15 + 0.85 * Math.sqrt(count / max) }];
    });
  };
  return (
    <For each={cells()}>
      {(c) => <rect x={c.left} y={c.top} width={c.width} height={c.height} fill={c.fill} fill-opacity={c.opacity} />}
    </For>
  );
}

/** A group's hull, drawn from its points on the map, and its number at its centre. */
function Hull(props: { map: Shown; group: number; scale: Scale }) {
  const outline = () => {
    const own = props.map.points.filter((p) => p[2] === props.group).map((p): [number, number] => [props.scale.x(p[0]), props.scale.y(p[1])]);
    return convexHull(own).map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ');
  };
  const centre = () => {
    const g = props.map.groups.find((x) => x.id === props.group);
    return g && !g.withheld ? { x: props.scale.x(g.centroid[0]), y: props.scale.y(g.centroid[1]) } : undefined;
  };
  return (
    <>
      <polygon points={outline()} fill={colourOf(props.group)} fill-opacity="0.08" stroke={colourOf(props.group)} stroke-width="2" />
      <Show when={centre()}>
        {(c) => (
          <text x={c().x} y={c().y} text-anchor="middle" dominant-baseline="central" font-size="18" font-weight="700"
            fill="#111" stroke="#fff" stroke-width="4" paint-order="stroke">{props.group + 1}</text>
        )}
      </Show>
    </>
  );
}

/**
 * The two-dimensional projection: every participant as a dot coloured and shaped by
 * opinion group (or, for a sampled map, the density of all of them), each group's hull
 * and its number, and at each axis's ends the positions it stands for. An image with a
 * spoken summary; the figures and the axes' meaning are in the lists below.
 */
export function Scatter(props: { map: Shown; label: string; axes: [Axis, Axis]; number: (question: string) => string | undefined }) {
  const extent = () => {
    const d = props.map.density;
    return d ? d.extent : extentOf(props.map.points.map((p): [number, number] => [p[0], p[1]]));
  };
  const scale = () => scaleTo(extent(), WIDTH, HEIGHT, MARGIN);
  const at = (group: number | null): [number, number][] =>
    props.map.points.filter((p) => p[2] === group).map((p) => [scale().x(p[0]), scale().y(p[1])]);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label} style={{ width: '100%', height: 'auto', background: '#fafbfc' }}>
      <line x1={scale().x(0)} x2={scale().x(0)} y1={0} y2={HEIGHT} stroke="#c9ced6" />
      <line x1={0} x2={WIDTH} y1={scale().y(0)} y2={scale().y(0)} stroke="#c9ced6" />
      <Show when={props.map.density}>{(d) => <DensityCells density={d()} scale={scale()} />}</Show>
      <Show when={!props.map.density}>
        <For each={groupIds(props.map)}>
          {(g) => <path d={markersPath(at(g), g, 3.5)} fill={colourOf(g)} fill-opacity="0.75" stroke="#fff" stroke-width="0.5" />}
        </For>
      </Show>
      <For each={groupIds(props.map).filter((g): g is number => g !== null)}>{(g) => <Hull map={props.map} group={g} scale={scale()} />}</For>
      <AxisEnds axes={props.axes} number={props.number} origin={[scale().x(0), scale().y(0)]} size={[WIDTH, HEIGHT]} />
    </svg>
  );
}

/** A group's colour and shape, as drawn on the map. */
export function Swatch(props: { group: number | null }) {
  return (
    <svg viewBox="-6 -6 12 12" width="14" height="14" aria-hidden="true">
      <path d={`M0,0${markerPath(props.group, 5)}`} fill={colourOf(props.group)} />
    </svg>
  );
}

/** The legend: each group's colour and shape, its number on the map, what sets it apart, its size and share; withheld groups as "fewer than 5". */
export function Legend(props: { map: Shown; fewer: string; name: (group: number) => string }) {
  const share = (size: number) => `${Math.round((size / Math.max(1, props.map.participants)) * 100)}%`;
  return (
    <ul class="org-legend org-opm-legend">
      <For each={props.map.groups}>
        {(g) => (
          <li>
            <Swatch group={g.withheld ? null : g.id} />
            <strong>{g.id + 1}</strong> {g.withheld ? props.fewer : `${props.name(g.id)}: ${people(g.size)} (${share(g.size)})`}
          </li>
        )}
      </For>
    </ul>
  );
}
