import { describe, expect, it } from 'vitest';
import { normaliseWave, readVisit } from '../../src/app/stores/visit';

const join = { code: 'ABC234', wave: 'hall-a', label: { ko: '홀 A', en: 'Hall A' }, oneResponsePerDevice: true };

describe('a link’s wave and channel', () => {
  it('takes a clean link as it is, with nothing to say', () => {
    expect(readVisit('?wave=day-1&channel=conference', {}, false)).toEqual({ wave: 'day-1', channel: 'conference', notes: [] });
  });

  it('normalises what can be normalised and says so', () => {
    expect(normaliseWave(' Morning  Session ')).toBe('morning-session');
    expect(normaliseWave('Day_2')).toBe('day-2');
    expect(normaliseWave('ＨＡＬＬ－Ａ'.normalize('NFKC'))).toBe('hall-a');
    expect(readVisit('?wave=Morning%20Session&channel=Conference', {}, false)).toEqual({
      wave: 'morning-session',
      channel: 'conference',
      notes: [{ kind: 'wave-changed', given: 'Morning Session', wave: 'morning-session' }],
    });
  });

  it('falls back to the defaults for what cannot be used, and says that too', () => {
    expect(normaliseWave('오전 세션')).toBeUndefined();
    expect(readVisit('?wave=오전%20세션&channel=xyz', {}, false)).toEqual({
      wave: 'open',
      channel: 'web',
      notes: [
        { kind: 'wave-unusable', given: '오전 세션', wave: 'open' },
        { kind: 'channel-unknown', given: 'xyz', channel: 'web' },
      ],
    });
  });

  it('says nothing about empty values and keeps what the visit already had', () => {
    expect(readVisit('?wave=&channel=%20', { wave: 'day-2', channel: 'conference' }, false)).toEqual({ wave: 'day-2', channel: 'conference', notes: [] });
    expect(readVisit('', {}, false)).toEqual({ wave: 'open', channel: 'web', notes: [] });
  });

  it('lets a field link pass as field data only in field mode', () => {
    expect(readVisit('?channel=field', {}, false)).toEqual({ wave: 'open', channel: 'web', notes: [{ kind: 'field-needs-mode' }] });
    expect(readVisit('?channel=field', {}, true)).toEqual({ wave: 'open', channel: 'field', notes: [] });
    expect(readVisit('', { channel: 'field' }, false).channel).toBe('web');
  });

  it('keeps the joined wave only while the visit stays in that wave', () => {
    expect(readVisit('', { wave: 'hall-a', channel: 'conference', join }, false).join).toEqual(join);
    expect(readVisit('?wave=hall-b', { wave: 'hall-a', channel: 'conference', join }, false).join).toBeUndefined();
  });
});
