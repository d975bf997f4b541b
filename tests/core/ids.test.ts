import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7, uuidv7Time } from '../../src/core/ids';
import { canonicalJson } from '../../src/core/canonical';

const counter = () => {
  let n = 0;
  return (bytes: Uint8Array) => bytes.map(() => n++ % 256);
};

describe('uuidv7', () => {
  it('encodes the clock and the version and variant bits', () => {
    const id = uuidv7(Date.UTC(2026, 10, 29), counter());
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(uuidv7Time(id)).toBe(Date.UTC(2026, 10, 29));
  });

  it('is deterministic for the same clock and randomness', () => {
    expect(uuidv7(1, counter())).toBe(uuidv7(1, counter()));
  });

  it('sorts by time as text', () => {
    const ids = [5, 1_000, 1_700_000_000_000, 1_800_000_000_000].map((t) => uuidv7(t, counter()));
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('gives equal strings for equal values built in another order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
    expect(canonicalJson({ y: [2, 1] })).not.toBe(canonicalJson({ y: [1, 2] }));
  });
});
