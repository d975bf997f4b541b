import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRelevant, parseRelevant } from '../../../src/core/sheet/relevant';

describe('relevant expressions', () => {
  it.each([
    ["${group} = 'other'", { question: 'group', anyOf: ['other'] }],
    ["${group} = 'a' or ${group} = \"b\"", { question: 'group', anyOf: ['a', 'b'] }],
    ['${agree} = 4 OR ${agree}=5', { question: 'agree', anyOf: [4, 5] }],
    ["selected(${sectors}, 'x') or selected( ${sectors} , 'y' )", { question: 'sectors', anyOf: ['x', 'y'] }],
    ["${q} = 'it''s' or ${q} = 'a or b'", { question: 'q', anyOf: ["it's", 'a or b'] }],
    ['${spec} = -2.5', { question: 'spec', anyOf: [-2.5] }],
  ])('reads %s', (text, showIf) => {
    expect(parseRelevant(text)).toEqual(showIf);
  });

  it.each([
    ["${a} = 'x' and ${a} = 'y'"],
    ["${a} = 'x' or ${b} = 'y'"],
    ["${a} != 'x'"],
    ['${a} = x'],
    ["${a} = 'x"],
    ["${a} = 'x'y'"],
    ["${a} > 3"],
    ["group = 'a'"],
    [''],
    ["${a} = 'x' or"],
  ])('refuses %s', (text) => {
    expect(parseRelevant(text)).toBeUndefined();
  });

  it('writes selected() for a multiple choice and = otherwise', () => {
    expect(formatRelevant({ question: 'sectors', anyOf: ['x', 'y'] }, true)).toBe("selected(${sectors}, 'x') or selected(${sectors}, 'y')");
    expect(formatRelevant({ question: 'agree', anyOf: [4, 'it\'s'] }, false)).toBe('${agree} = 4 or ${agree} = "it\'s"');
  });

  it('reads back whatever it writes', () => {
    const value = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), fc.boolean(), (anyOf, multiple) => {
        const showIf = { question: 'q-1', anyOf };
        expect(parseRelevant(formatRelevant(showIf, multiple))).toEqual({ question: 'q-1', anyOf: anyOf.map((v) => (Object.is(v, -0) ? 0 : v)) });
      }),
      { numRuns: 500 },
    );
  });
});
