import { describe, expect, it } from 'vitest';
import { clampInterval } from '../../src/core/interval';

describe('clampInterval', () => {
  it('cuts an interval that runs past the scale and says so', () => {
    expect(clampInterval([4.4, 5.1], 1, 5)).toEqual({ ci: [4.4, 5], clamped: true });
    expect(clampInterval([0.2, 1.6], 1, 5)).toEqual({ ci: [1, 1.6], clamped: true });
  });

  it('leaves an interval inside the scale, and no interval, as they are', () => {
    expect(clampInterval([2.1, 3.4], 1, 5)).toEqual({ ci: [2.1, 3.4], clamped: false });
    expect(clampInterval([1, 5], 1, 5)).toEqual({ ci: [1, 5], clamped: false });
    expect(clampInterval(null, 1, 5)).toEqual({ ci: null, clamped: false });
  });
});
