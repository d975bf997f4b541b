/** Rounds a figure for output: four decimals are finer than any reader needs and keep JSON small. */
export function round(value: number, decimals = 4): number {
  const f = 10 ** decimals;
  // Adding 0 turns −0 into 0, so equal results serialise identically.
  return Math.round(value * f) / f + 0;
}
