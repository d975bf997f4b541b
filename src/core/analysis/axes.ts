import type { Model } from './schema';

/** A position that weighs on an axis: agreeing with it moves a respondent towards the end its weight's sign names. */
export type AxisPosition = { question: string; weight: number };

/** What one axis of the opinion map means: the positions that pull respondents towards its positive and its negative end. */
export type Axis = { positive: AxisPosition[]; negative: AxisPosition[] };

/**
 * The meaning of the map's two axes, read from the principal components the model
 * carries: on each axis the positions whose weight is above an equal share (w² > 1/p,
 * the components being unit vectors), at most `max` per end, heaviest first. A
 * respondent far towards an axis's positive end agrees more than average with its
 * positive positions and less with its negative ones. An axis with no variance names none.
 */
export function mapAxes(model: Pick<Model, 'positions' | 'components'>, max = 3): [Axis, Axis] {
  const p = model.positions.length;
  const axis = (weights: number[]): Axis => {
    const heavy = weights
      .map((weight, j) => ({ question: model.positions[j]!.question, weight }))
      .filter((w) => p > 0 && w.weight * w.weight > 1 / p)
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return { positive: heavy.filter((w) => w.weight > 0).slice(0, max), negative: heavy.filter((w) => w.weight < 0).slice(0, max) };
  };
  return [axis(model.components[0]), axis(model.components[1])];
}
