/** Drawing helpers of the opinion map: group colours and shapes, scales, convex hulls. */

// Okabe–Ito colours, told apart with the common colour-vision deficiencies; the shapes
// below carry the same distinction for anyone who cannot tell the colours apart at all.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'];
const NEUTRAL = '#8a8a8a';

/** The colour of an opinion group (null: a group too small to show). */
export const colourOf = (group: number | null) => (group === null ? NEUTRAL : PALETTE[group % PALETTE.length]!);

/** A group's marker as a relative SVG path around the current point, radius `r`. */
export function markerPath(group: number | null, r: number): string {
  const d = 2 * r;
  switch (group === null ? -1 : group % 5) {
    case 1: return `m${-r},${-r}h${d}v${d}h${-d}z`;
    case 2: return `m0,${-r}l${r},${d}h${-d}z`;
    case 3: return `m0,${-r}l${r},${r}l${-r},${r}l${-r},${-r}z`;
    case 4: return `m0,${r}l${r},${-d}h${-d}z`;
    default: return `m${-r},0a${r},${r} 0 1,0 ${d},0a${r},${r} 0 1,0 ${-d},0z`;
  }
}

/** Points as one path of markers, so thousands of dots cost one element. */
export function markersPath(points: [number, number][], group: number | null, r: number): string {
  const marker = markerPath(group, r);
  return points.map(([x, y]) => `M${x.toFixed(1)},${y.toFixed(1)}${marker}`).join('');
}

/** Maps the data's extent onto a `width` × `height` box with a margin; y grows upwards in the data. */
export function scaleTo(extent: [number, number, number, number], width: number, height: number, margin: number) {
  const [x0, x1, y0, y1] = extent;
  const sx = (width - 2 * margin) / (x1 - x0 || 1);
  const sy = (height - 2 * margin) / (y1 - y0 || 1);
  return { x: (v: number) => margin + (v - x0) * sx, y: (v: number) => height - margin - (v - y0) * sy };
}

const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull of some points (Andrew's monotone chain), counter-clockwise; fewer than 3 points give none. */
export function convexHull(points: [number, number][]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return [];
  const half = (list: [number, number][]) => {
    const out: [number, number][] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  return hull.length >= 3 ? hull : [];
}

/** The extent of the points, widened to include the origin (the average respondent). */
export function extentOf(points: [number, number][]): [number, number, number, number] {
  const e: [number, number, number, number] = [0, 0, 0, 0];
  for (const [x, y] of points) {
    e[0] = Math.min(e[0], x);
    e[1] = Math.max(e[1], x);
    e[2] = Math.min(e[2], y);
    e[3] = Math.max(e[3], y);
  }
  return e;
}
