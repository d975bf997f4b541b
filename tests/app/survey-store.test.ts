import { describe, expect, it } from 'vitest';
import { notBefore } from '../../src/app/stores/survey-store';

describe('notBefore', () => {
  it('stamps the submission now, or at the start when the clock went back while answering', () => {
    expect(notBefore('2025-06-01T09:00:00.000Z', new Date('2025-06-01T09:03:00.000Z'))).toBe('2025-06-01T09:03:00.000Z');
    expect(notBefore('2025-06-01T09:00:00.000Z', new Date('2025-06-01T08:59:58.000Z'))).toBe('2025-06-01T09:00:00.000Z');
  });
});
