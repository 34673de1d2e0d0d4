import type { InfiniteData } from '@tanstack/react-query';
import type { Job } from '@syncsafe/contracts';
import { jobMatchesFilters, type JobFilters, type JobListPage } from './list-jobs.ts';

/**
 * How job events (null = deleted) merge into what a read answered: pure functions over the cached data,
 * which `job-cache.ts` reads from and writes back to the query caches.
 */

export type JobList = InfiniteData<JobListPage, string | undefined>;

/** An event replaces the cached job unless the cache already holds a later write. */
export const isNewer = (incoming: Job, cached: Job | undefined) => !cached || incoming.updatedAt >= cached.updatedAt;

/** The API sorts by name, then id (byte order is close enough to place a new row among those loaded). */
const compareJobs = (a: Job, b: Job) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Replaces, drops or inserts the updated jobs of one list; returns the list unchanged when nothing applies. */
export function applyJobsToList(list: JobList, filters: JobFilters, updates: ReadonlyMap<string, Job | null>): JobList {
  const seen = new Set<string>();
  let totalDelta = 0;
  let isChanged = false;
  const pages = list.pages.map((page) => {
    if (!page.items.some((job) => updates.has(job.id))) return page;
    isChanged = true;
    const items: Job[] = [];
    for (const job of page.items) {
      if (!updates.has(job.id)) {
        items.push(job);
        continue;
      }
      seen.add(job.id);
      const next = updates.get(job.id) ?? null;
      if (next === null || !jobMatchesFilters(next, filters)) {
        totalDelta -= 1;
        continue;
      }
      items.push(isNewer(next, job) ? next : job);
    }
    return { ...page, items };
  });

  // A job the list has never held and that matches: a new job, or one that moved into the filter.
  const last = pages[pages.length - 1];
  const hasMore = last ? last.nextCursor !== null : false;
  for (const job of updates.values()) {
    if (job === null || seen.has(job.id) || !jobMatchesFilters(job, filters) || !last) continue;
    const lastLoaded = last.items[last.items.length - 1];
    // Past the loaded rows of an unfinished list: it arrives with a later page, where it may already be
    // (an update, not a new job), so it is not counted either.
    if (hasMore && lastLoaded && compareJobs(job, lastLoaded) > 0) continue;
    totalDelta += 1;
    isChanged = true;
    let pageIndex = pages.findIndex((page) => page.items.length > 0 && compareJobs(job, page.items[page.items.length - 1]!) <= 0);
    if (pageIndex === -1) pageIndex = pages.length - 1;
    const items = [...pages[pageIndex]!.items];
    const at = items.findIndex((other) => compareJobs(job, other) < 0);
    items.splice(at === -1 ? items.length : at, 0, job);
    pages[pageIndex] = { ...pages[pageIndex]!, items };
  }

  if (!isChanged) return list;
  if (totalDelta !== 0 && pages[0]) pages[0] = { ...pages[0], total: Math.max(0, pages[0].total + totalDelta) };
  return { ...list, pages };
}

/** A job as it is found in any of the lists, if one holds it. */
export function findJobInLists(lists: Iterable<JobList | undefined>, jobId: string): Job | undefined {
  for (const list of lists) {
    for (const page of list?.pages ?? []) {
      const job = page.items.find((j) => j.id === jobId);
      if (job) return job;
    }
  }
  return undefined;
}

/**
 * What a landed read of one job should become given the event heard for it: the event's job when it is
 * newer, 'refetch' when the job was deleted meanwhile, or 'keep' (the read is as new, or there is nothing).
 */
export function mergeJobRead(cached: Job | undefined, heard: Job | null | undefined): Job | 'keep' | 'refetch' {
  if (heard === undefined || cached === undefined) return 'keep';
  if (heard === null) return 'refetch';
  return heard.updatedAt > cached.updatedAt ? heard : 'keep';
}
