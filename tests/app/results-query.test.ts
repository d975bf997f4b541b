import { describe, expect, it } from 'vitest';
import { readQuery, serverQuery } from '../../src/app/organiser/results/query';

describe('the weighted flag of the results page', () => {
  it('is read only as weighted=true', () => {
    expect(readQuery('?weighted=true').weighted).toBe(true);
    expect(readQuery('?weighted=false').weighted).toBeUndefined();
    expect(readQuery('?weighted=1').weighted).toBeUndefined();
  });

  it('reaches the server for the views that have weighted figures, and never for the opinion map or comments', () => {
    for (const view of ['all', 'groups', 'trend'] as const) expect(serverQuery({ view, weighted: true }, 2)).toEqual({ version: '2', weighted: 'true' });
    for (const view of ['map', 'comments'] as const) expect(serverQuery({ view, weighted: true }, 2)).toEqual({ version: '2' });
    expect(serverQuery({ view: 'all' }, 2)).toEqual({ version: '2' });
  });
});
