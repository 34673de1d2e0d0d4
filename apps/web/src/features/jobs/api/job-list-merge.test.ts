import { describe, expect, it } from 'vitest';
import type { Job } from '@syncsafe/contracts';
import { makeJob } from '../../../test/factories.ts';
import { applyJobsToList, findJobInLists, mergeJobRead, type JobList } from './job-list-merge.ts';
import type { JobFilters } from './list-jobs.ts';

type List = JobList;

function listOf(pages: Job[][], options: { total?: number; hasMore?: boolean } = {}): List {
  const total = options.total ?? pages.flat().length;
  return {
    pageParams: pages.map((_, i) => (i === 0 ? undefined : `c${i}`)),
    pages: pages.map((items, i) => ({ items, total, nextCursor: i === pages.length - 1 && !options.hasMore ? null : `c${i + 1}` })),
  };
}
const names = (list: List) => list.pages.flatMap((p) => p.items.map((j) => j.name));

describe('applyJobsToList', () => {
  const a = makeJob({ name: 'a' });
  const b = makeJob({ name: 'b' });
  const c = makeJob({ name: 'c' });

  it('replaces a job in place and leaves the other pages untouched', () => {
    const list = listOf([[a, b], [c]]);
    const updated = { ...b, state: 'failed-over' as const, updatedAt: '2025-01-02T00:00:00.000Z' };
    const next = applyJobsToList(list, {}, new Map([[b.id, updated]]));
    expect(next.pages[0]!.items[1]).toBe(updated);
    expect(next.pages[1]).toBe(list.pages[1]);
  });

  it('keeps a newer cached job over an older event', () => {
    const newer = { ...a, updatedAt: '2025-02-01T00:00:00.000Z', version: 3 };
    const next = applyJobsToList(listOf([[newer]]), {}, new Map([[a.id, { ...a, updatedAt: '2025-01-01T00:00:00.000Z' }]]));
    expect(next.pages[0]!.items[0]).toBe(newer);
  });

  it('drops a job that no longer matches the filter, or was deleted, and counts it out of the total', () => {
    const filters: JobFilters = { state: 'protecting' };
    const next = applyJobsToList(listOf([[a, b, c]]), filters, new Map<string, Job | null>([[a.id, { ...a, state: 'failover-condition-met' }], [c.id, null]]));
    expect(names(next)).toEqual(['b']);
    expect(next.pages[0]!.total).toBe(1);
  });

  it('inserts a new matching job in name order among the loaded rows; one past them is left to its page', () => {
    const ab = makeJob({ name: 'ab' });
    const zz = makeJob({ name: 'zz' });
    const list = listOf([[a, b]], { total: 10, hasMore: true });
    const next = applyJobsToList(list, {}, new Map([[ab.id, ab], [zz.id, zz]]));
    expect(names(next)).toEqual(['a', 'ab', 'b']);
    // zz may be an update of a job on a page not loaded yet: counting it would inflate the total.
    expect(next.pages[0]!.total).toBe(11);
    expect(applyJobsToList(list, {}, new Map([[zz.id, zz]]))).toBe(list);
  });

  it('ignores a job outside the filter and returns the same list object when nothing changed', () => {
    const list = listOf([[a]]);
    const other = makeJob({ name: 'other', type: 'full-server' });
    expect(applyJobsToList(list, { type: 'files-and-folders' }, new Map([[other.id, other]]))).toBe(list);
  });
});

describe('findJobInLists', () => {
  it('finds a job on any page of any list, and nothing in lists not loaded', () => {
    const a = makeJob({ name: 'a' });
    const b = makeJob({ name: 'b' });
    expect(findJobInLists([undefined, listOf([[a], [b]])], b.id)).toBe(b);
    expect(findJobInLists([undefined], a.id)).toBeUndefined();
  });
});

describe('mergeJobRead', () => {
  const read = makeJob({ updatedAt: '2025-01-01T00:00:00.000Z' });
  const later = { ...read, state: 'failed-over' as const, updatedAt: '2025-01-01T00:00:05.000Z' };

  it('puts a newer event over a read that predates it', () => {
    expect(mergeJobRead(read, later)).toBe(later);
  });

  it('keeps a read as new as the event, a read with no event, and nothing when nothing was read', () => {
    expect(mergeJobRead(later, read)).toBe('keep');
    expect(mergeJobRead(read, undefined)).toBe('keep');
    expect(mergeJobRead(undefined, later)).toBe('keep');
  });

  it('reads again a job deleted after the read began', () => {
    expect(mergeJobRead(read, null)).toBe('refetch');
  });
});
