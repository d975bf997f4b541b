import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors';
import { segmentGroups } from '../../src/core/questions';
import { MAX_QUOTA, parseQuotas, quotaProgress, validateQuotas } from '../../src/core/quotas';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { QuotasSchema } from '../../src/core/waves';
import { parseWeighting, SHARE_TOLERANCE, validateWeighting } from '../../src/core/weighting-input';
import { pollSurvey, privateSurvey } from '../server/fixtures/surveys';

const codes = (issues: { code: string; group?: string }[]) => issues.map((i) => (i.group === undefined ? i.code : `${i.group}:${i.code}`));

describe('segmentGroups', () => {
  it('lists the segment question\'s options in order, or nothing without segmentBy', () => {
    expect(segmentGroups(pollSurvey)).toEqual(['industry', 'government', 'academia']);
    expect(segmentGroups(sovereignAiSurvey)).toHaveLength(8);
    expect(segmentGroups(privateSurvey)).toBeUndefined();
  });
});

describe('validateWeighting', () => {
  it('accepts shares of some or all groups that sum to 1', () => {
    expect(validateWeighting(pollSurvey, { shares: { industry: 0.5, government: 0.3, academia: 0.2 } })).toEqual([]);
    expect(validateWeighting(pollSurvey, { shares: { industry: 1 } })).toEqual([]);
    expect(validateWeighting(pollSurvey, { shares: { industry: 0.333, government: 0.333, academia: 0.333 } })).toEqual([]);
    expect(validateWeighting(pollSurvey, { shares: { industry: 0, government: 1 } })).toEqual([]);
  });

  it.each([
    ['shares that sum to more than 1', { shares: { industry: 0.6, government: 0.5 } }, ['sum_not_one']],
    ['shares that sum to less than 1', { shares: { industry: 0.5, government: 0.3 } }, ['sum_not_one']],
    ['a negative share', { shares: { industry: 1.2, government: -0.2 } }, ['government:negative']],
    ['an unknown group', { shares: { industry: 0.5, nobody: 0.5 } }, ['nobody:unknown_group']],
    ['the no-group sentinel', { shares: { industry: 0.5, _none: 0.5 } }, ['_none:unknown_group']],
    ['a share that is a string', { shares: { industry: '1' } }, ['industry:not_a_number']],
    ['a share that is null', { shares: { industry: null, government: 1 } }, ['industry:not_a_number']],
    ['no shares at all', { shares: {} }, ['bad_shape']],
    ['shares as an array', { shares: [1] }, ['bad_shape']],
    ['a body without shares', { industry: 1 }, ['bad_shape']],
    ['an extra key (a typo)', { shares: { industry: 1 }, share: {} }, ['bad_shape']],
    ['a body that is no object', [1], ['bad_shape']],
    ['null', null, ['bad_shape']],
  ])('refuses %s', (_name, body, expected) => {
    expect(codes(validateWeighting(pollSurvey, body))).toEqual(expected);
  });

  it('names every bad group at once, and says what the shares sum to', () => {
    expect(codes(validateWeighting(pollSurvey, { shares: { nobody: 0.5, industry: -1, government: 'x' } }))).toEqual([
      'nobody:unknown_group', 'industry:negative', 'government:not_a_number',
    ]);
    expect(validateWeighting(pollSurvey, { shares: { industry: 0.9 } })[0]!.message).toBe('the shares sum to 0.9, not 1');
    expect(validateWeighting(pollSurvey, { shares: { nobody: 1 } })[0]!.message).toContain('industry, government, academia');
  });

  it('allows the tolerance and no more', () => {
    expect(validateWeighting(pollSurvey, { shares: { industry: 0.5, government: 0.5 - SHARE_TOLERANCE } })).toEqual([]);
    expect(codes(validateWeighting(pollSurvey, { shares: { industry: 0.5, government: 0.5 - 2 * SHARE_TOLERANCE } }))).toEqual(['sum_not_one']);
  });

  it('refuses weighting on a survey without segmentBy, whatever the body', () => {
    expect(codes(validateWeighting(privateSurvey, { shares: { industry: 1 } }))).toEqual(['no_segment']);
  });

  it('parses to the shares, or throws AppError invalid with the issues for a 400', () => {
    const body = { shares: { industry: 0.5, government: 0.5 } };
    const parsed = parseWeighting(pollSurvey, body);
    expect(parsed).toEqual(body);
    expect(parsed.shares).not.toBe(body.shares);
    let error: unknown;
    try {
      parseWeighting(pollSurvey, { shares: { industry: 2 } });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, 'invalid')).toBe(true);
    expect((error as { details: { issues: unknown[] } }).details.issues).toEqual([{ code: 'sum_not_one', message: 'the shares sum to 2, not 1' }]);
  });
});

describe('validateQuotas', () => {
  it('accepts positive whole targets for known groups, and no quotas at all', () => {
    expect(validateQuotas(pollSurvey, { industry: 30, academia: 1 })).toEqual([]);
    expect(validateQuotas(pollSurvey, {})).toEqual([]);
    expect(validateQuotas(pollSurvey, { industry: MAX_QUOTA })).toEqual([]);
  });

  it.each([
    ['an unknown group', { nobody: 5 }, ['nobody:unknown_group']],
    ['a target of 0', { industry: 0 }, ['industry:not_positive_integer']],
    ['a negative target', { industry: -3 }, ['industry:not_positive_integer']],
    ['a fractional target', { industry: 2.5 }, ['industry:not_positive_integer']],
    ['a target given as a string', { industry: '5' }, ['industry:not_positive_integer']],
    ['a target past the maximum', { industry: MAX_QUOTA + 1 }, ['industry:not_positive_integer']],
    ['quotas as a list', [{ group: 'industry', target: 5 }], ['bad_shape']],
    ['null', null, ['bad_shape']],
  ])('refuses %s', (_name, quotas, expected) => {
    expect(codes(validateQuotas(pollSurvey, quotas))).toEqual(expected);
  });

  it('agrees with the wave schema on the shape of a target', () => {
    for (const target of [1, MAX_QUOTA, 0, MAX_QUOTA + 1, 2.5, -1]) {
      expect(validateQuotas(pollSurvey, { industry: target }).length === 0).toBe(QuotasSchema.safeParse({ industry: target }).success);
    }
  });

  it('refuses quotas on a survey without segmentBy', () => {
    expect(codes(validateQuotas(privateSurvey, { industry: 5 }))).toEqual(['no_segment']);
  });

  it('parses to the quotas or throws AppError invalid naming each bad group', () => {
    expect(parseQuotas(pollSurvey, { industry: 5 })).toEqual({ industry: 5 });
    expect(() => parseQuotas(pollSurvey, { industry: 0, nobody: 2 })).toThrow(/"industry" must be a whole number.*; "nobody" is not a group/);
  });
});

describe('quotaProgress', () => {
  it('lists each quota in group order with its count, adding the count sets given', () => {
    const quotas = { academia: 10, industry: 20 };
    expect(quotaProgress(pollSurvey, quotas, { industry: 7, government: 3 })).toEqual([
      { group: 'industry', target: 20, count: 7 },
      { group: 'academia', target: 10, count: 0 },
    ]);
    // Field mode: the last synced overview's counts plus the device's own unsent responses.
    expect(quotaProgress(pollSurvey, quotas, { industry: 7, academia: 2 }, { academia: 3 })).toEqual([
      { group: 'industry', target: 20, count: 7 },
      { group: 'academia', target: 10, count: 5 },
    ]);
    expect(quotaProgress(pollSurvey, {}, { industry: 7 })).toEqual([]);
  });
});
