import { describe, expect, it } from 'vitest';
import { countText, formatBytes, formatNumber, withUnit } from '../../src/app/numbers';

const WAITING = { ko: '응답 {n}개 전송 대기', en: { one: '{n} response waiting', other: '{n} responses waiting' } };

describe('numbers in the UI', () => {
  it('picks the English plural by Intl.PluralRules and keeps the one Korean form', () => {
    expect(countText(WAITING, 1, 'en')).toBe('1 response waiting');
    expect(countText(WAITING, 0, 'en')).toBe('0 responses waiting');
    expect(countText(WAITING, 2, 'en')).toBe('2 responses waiting');
    expect(countText(WAITING, 1200, 'en')).toBe('1,200 responses waiting');
    expect(countText(WAITING, 1, 'ko')).toBe('응답 1개 전송 대기');
  });

  it('spaces units the way each language writes them', () => {
    expect(withUnit(100, '조 원', 'ko')).toBe('100조 원');
    expect(withUnit(100, 'trillion won', 'en')).toBe('100 trillion won');
    expect(withUnit(12.5, '조 원', 'ko')).toBe('12.5조 원');
    expect(withUnit(3, 'MB', 'ko')).toBe('3 MB');
    expect(withUnit('40', '%', 'ko')).toBe('40%');
  });

  it('gives storage in a unit that keeps the number short', () => {
    expect(formatBytes(629_146, 'en')).toBe('614 KB');
    expect(formatBytes(650_000, 'en')).toBe('635 KB');
    expect(formatBytes(1_100_000, 'en')).toBe('1 MB');
    expect(formatBytes(10_737_418_240, 'ko')).toBe('10 GB');
    expect(formatBytes(10_737_418_240 + 629_146, 'en')).toBe('10 GB');
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(300, 'en')).toBe('300 B');
  });

  it('groups digits', () => {
    expect(formatNumber(1234567, 'ko')).toBe('1,234,567');
    expect(formatNumber(2.345, 'en', 1)).toBe('2.3');
  });
});
