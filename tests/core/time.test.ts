import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseSchema } from '../../src/core/response';
import { beyondClockSkew, isRealInstant, IsoTimeSchema, MAX_CLOCK_SKEW_MS } from '../../src/core/time';
import { WaveDefinitionSchema } from '../../src/core/waves';

describe('isRealInstant', () => {
  it.each(['2025-02-28T23:59:59Z', '2024-02-29T00:00:00.000Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2025-06-01T09:03:00.5Z'])('accepts %s', (text) => {
    expect(isRealInstant(text)).toBe(true);
  });

  it.each([
    ['a day February does not have', '2025-02-30T00:00:00Z'],
    ['29 February of a common year', '2025-02-29T12:00:00Z'],
    ['the hour 24', '2025-01-01T24:00:00Z'],
    ['the minute 60', '2025-01-01T10:60:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['the year 0000', '0000-01-01T00:00:00Z'],
    ['the month 00', '2025-00-10T00:00:00Z'],
    ['the month 13', '2025-13-01T00:00:00Z'],
    ['the day 00', '2025-01-00T00:00:00Z'],
    ['a local time', '2025-01-01T00:00:00'],
    ['an offset', '2025-01-01T09:00:00+09:00'],
    ['an expanded year', '+012025-01-01T00:00:00Z'],
    ['a date alone', '2025-01-01'],
  ])('refuses %s', (_name, text) => {
    expect(isRealInstant(text)).toBe(false);
    expect(IsoTimeSchema.safeParse(text).success).toBe(false);
  });

  it('agrees with the clock: every instant a Date prints is real, and reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        const text = date.toISOString();
        expect(isRealInstant(text)).toBe(true);
        expect(Date.parse(text)).toBe(date.getTime());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('times of responses and waves', () => {
  const response = {
    id: '01934b8e-7c00-7000-8000-000000000001',
    surveyId: 'fixture',
    surveyVersion: 1,
    wave: 'open',
    channel: 'web',
    device: 'device-123456',
    locale: 'ko',
    startedAt: '2025-06-01T09:00:00.000Z',
    submittedAt: '2025-06-01T09:03:00.000Z',
    answers: {},
  };

  it('refuses a response submitted before it was started, naming startedAt', () => {
    const parsed = ResponseSchema.safeParse({ ...response, startedAt: '2025-06-01T09:03:00.001Z' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['startedAt']);
    expect(ResponseSchema.safeParse({ ...response, startedAt: response.submittedAt }).success).toBe(true);
  });

  it('refuses impossible response and wave times', () => {
    expect(ResponseSchema.safeParse({ ...response, submittedAt: '2025-02-30T09:03:00Z' }).success).toBe(false);
    expect(ResponseSchema.safeParse({ ...response, startedAt: '0000-06-01T09:00:00Z' }).success).toBe(false);
    const wave = { slug: 'day-1', label: 'Day 1', startsAt: '2025-06-01T09:00:00Z', oneResponsePerDevice: false };
    expect(WaveDefinitionSchema.safeParse(wave).success).toBe(true);
    expect(WaveDefinitionSchema.safeParse({ ...wave, startsAt: '2025-06-01T24:00:00Z' }).success).toBe(false);
    expect(WaveDefinitionSchema.safeParse({ ...wave, closesAt: '2025-02-29T10:00:00Z' }).success).toBe(false);
  });

  it('counts a submission as too far ahead only past the documented skew', () => {
    const now = Date.parse('2025-06-01T09:00:00.000Z');
    expect(MAX_CLOCK_SKEW_MS).toBe(24 * 3_600_000);
    expect(beyondClockSkew(new Date(now + MAX_CLOCK_SKEW_MS).toISOString(), now)).toBe(false);
    expect(beyondClockSkew(new Date(now + MAX_CLOCK_SKEW_MS + 1).toISOString(), now)).toBe(true);
    expect(beyondClockSkew('2025-01-01T00:00:00Z', now)).toBe(false);
  });
});
