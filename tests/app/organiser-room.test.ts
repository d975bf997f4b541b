import { describe, expect, it } from 'vitest';
import { joinAddress, joinLink, onlyThisMachine, shortLink } from '../../src/app/organiser/join';
import { localInstant, localParts, parseDate, parseTime } from '../../src/app/organiser/manage/when';
import type { WaveRow } from '../../src/app/organiser/types';
import { currentWave, waveState } from '../../src/app/organiser/waves';

const NOW = Date.parse('2025-06-02T10:00:00.000Z');
const wave = (slug: string, startsAt?: string, closesAt?: string | null): WaveRow => ({ slug, registered: startsAt !== undefined, count: 0, startsAt, closesAt });

describe('waves in the room', () => {
  it('reads a wave as not started before its start, in progress until its close, closed after', () => {
    expect(waveState(wave('a', '2025-06-02T11:00:00.000Z'), NOW)).toBe('upcoming');
    expect(waveState(wave('a', '2025-06-02T09:00:00.000Z'), NOW)).toBe('open');
    expect(waveState(wave('a', '2025-06-02T09:00:00.000Z', '2025-06-02T12:00:00.000Z'), NOW)).toBe('open');
    expect(waveState(wave('a', '2025-06-02T09:00:00.000Z', '2025-06-02T10:00:00.000Z'), NOW)).toBe('closed');
    expect(waveState(wave('seen-in-links'), NOW)).toBe('open');
  });

  it('takes as current the registered wave that started last and is still open, never one ahead', () => {
    const waves = [
      wave('morning', '2025-06-02T08:00:00.000Z'),
      wave('late', '2025-06-02T09:30:00.000Z'),
      wave('closed', '2025-06-02T09:45:00.000Z', '2025-06-02T09:50:00.000Z'),
      wave('tomorrow', '2025-06-03T08:00:00.000Z'),
      wave('seen-in-links'),
    ];
    expect(currentWave(waves, NOW)?.slug).toBe('late');
    expect(currentWave([waves[2]!, waves[3]!, waves[4]!], NOW)).toBeUndefined();
  });
});

describe('join links', () => {
  const lan = joinAddress({ publicUrl: 'http://192.168.1.20:8080/', publicUrlSource: 'lan' });

  it('uses the address the server chose, and the short code link for a registered wave', () => {
    expect(lan).toEqual({ base: 'http://192.168.1.20:8080', source: 'lan' });
    expect(joinLink(lan, 'sovereign-ai', { slug: 'day-1', code: 'K7M4QX' })).toBe('http://192.168.1.20:8080/j/K7M4QX');
    expect(joinLink(lan, 'sovereign-ai', { slug: 'day 1' })).toBe('http://192.168.1.20:8080/s/sovereign-ai?wave=day%201&channel=conference');
    expect(joinLink(lan, 'sovereign-ai', undefined)).toBe('http://192.168.1.20:8080/s/sovereign-ai?channel=conference');
    expect(shortLink('https://stance.example.org/j/K7M4QX')).toBe('stance.example.org/j/K7M4QX');
  });

  it('tells when phones cannot open the address: loopback by the server’s account or by its host', () => {
    expect(onlyThisMachine(lan)).toBe(false);
    expect(onlyThisMachine({ base: 'https://stance.example.org', source: 'configured' })).toBe(false);
    expect(onlyThisMachine({ base: 'http://localhost:8080', source: 'loopback' })).toBe(true);
    expect(onlyThisMachine({ base: 'http://127.0.0.1:8080', source: 'configured' })).toBe(true);
    expect(onlyThisMachine({ base: 'http://[::1]:8080', source: 'configured' })).toBe(true);
  });
});

describe('the wave form’s date and time', () => {
  it('reads typed dates and 24-hour times, and refuses what names no day or time', () => {
    expect(parseDate('2025-06-02')).toEqual([2025, 6, 2]);
    expect(parseDate(' 2025.6.2. ')).toEqual([2025, 6, 2]);
    expect(parseDate('2025/06/02')).toEqual([2025, 6, 2]);
    for (const bad of ['2025-02-30', '2025-13-01', '25-06-02', '2025-06', 'June 2']) expect(parseDate(bad)).toBeUndefined();
    expect(parseTime('9:30')).toEqual([9, 30]);
    expect(parseTime('23:59')).toEqual([23, 59]);
    for (const bad of ['24:00', '9:60', '930', '9.30 am']) expect(parseTime(bad)).toBeUndefined();
  });

  it('turns them into the local instant, and shows an instant the same way back', () => {
    const at = localInstant('2025-06-02', '09:30')!;
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([2025, 5, 2, 9, 30]);
    expect(localParts(at)).toEqual({ date: '2025-06-02', time: '09:30' });
    expect(localInstant('2025-06-02', '')).toBeUndefined();
  });
});
