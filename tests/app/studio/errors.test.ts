import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/core/errors';

// The app's i18n reads the browser's storage and languages when it loads; a Korean browser here.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('navigator', { languages: ['ko-KR'], language: 'ko-KR' });
vi.stubGlobal('document', { documentElement: {} });

let studioError: (error: unknown) => string;
let setLocale: (locale: 'ko' | 'en') => void;
beforeAll(async () => {
  ({ studioError } = await import('../../../src/app/organiser/studio/errors'));
  ({ setLocale } = await import('../../../src/app/i18n'));
});

const hangul = /[\uac00-\ud7a3]/;

describe('studio errors in the UI language', () => {
  it('never shows the server message, in Korean or English', () => {
    const english = 'the draft changed since it was opened (revision 3); reload it before saving';
    setLocale('ko');
    const ko = studioError(new AppError('draft_changed', english));
    expect(ko).toMatch(hangul);
    expect(ko).not.toContain(english);
    setLocale('en');
    expect(studioError(new AppError('draft_changed', english))).toBe('The draft changed since it was opened. Load it again.');
    expect(studioError(new AppError('network', 'fetch failed'))).not.toContain('fetch failed');
  });

  it("names an invalid answer's first coded problem in core's words", () => {
    const server = { issues: [{ path: 'title.ko', code: 'missing', params: {}, message: 'title.ko: this is required' }] };
    setLocale('ko');
    expect(studioError(new AppError('invalid', 'the draft has 1 problem(s)', { server }))).toContain('필수 항목이 없습니다.');
    setLocale('en');
    expect(studioError(new AppError('invalid', 'x', { server }))).toContain('this is required');
  });

  it('counts issues without a known code, and gives an unknown code by name', () => {
    setLocale('en');
    const server = { issues: [{ path: 'a', message: 'Invalid input' }, { path: 'b', code: 'zod_whatever', message: 'Invalid input' }] };
    expect(studioError(new AppError('invalid', 'Invalid input', { server }))).toBe('Not done: 2 problem(s) to fix.');
    expect(studioError(new AppError('storage_full', 'disk full'))).toBe('Not done (error code storage_full).');
    expect(studioError(new Error('boom'))).toBe('Not done (error code internal).');
  });
});
