/** A 95% interval as the results carry it, or null when there is none. */
export type Interval = [number, number] | null;

/**
 * An interval kept within the scale it measures, and whether it had to be cut. A mean
 * near the end of a 1–5 scale gets a t interval that runs past 5; no answer can lie
 * there, so charts and tables show the cut interval and say that they cut it.
 */
export function clampInterval(ci: Interval, min: number, max: number): { ci: Interval; clamped: boolean } {
  if (!ci) return { ci, clamped: false };
  const low = Math.max(min, Math.min(max, ci[0]));
  const high = Math.max(min, Math.min(max, ci[1]));
  return { ci: [low, high], clamped: low !== ci[0] || high !== ci[1] };
}
