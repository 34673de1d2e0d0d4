import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ChecklistTick, ChecklistTickRequest, Job, Operation, Snapshot } from '@syncsafe/contracts';
import { jobQueryKey } from './get-job.ts';
import { jobActionsQueryKey } from './get-job-actions.ts';
import { jobHistoryQueryKey } from './get-job-history.ts';
import { jobOperationsQueryKey } from './list-job-operations.ts';
import { jobSnapshotsQueryKey } from './list-job-snapshots.ts';
import { jobListsQueryKey, jobMatchesFilters, type JobFilters, type JobListPage } from './list-jobs.ts';
import { checklistQueryKey, isSameStep, withTick, type ChecklistState } from './get-checklist.ts';
import { tickChecklistMutationKey } from './tick-checklist-item.ts';

/**
 * How the event stream's job, operation and snapshot events land in the query caches: in place, with
 * `setQueryData`, so no page refetches what the stream already said. What the stream cannot carry
 * (the allowed actions and the history, which depend on the job's whole context; which checklist ticks
 * still count) is refetched when the job's version moves, and only where it is on screen.
 */

type JobList = InfiniteData<JobListPage, string | undefined>;

const isNewer = (incoming: Job, cached: Job | undefined) => !cached || incoming.updatedAt >= cached.updatedAt;

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

/**
 * Job events heard in the last RECENT_MS. A read that began before one of them answers older data and,
 * landing after it, would undo it in the cache: the events are put back on every read that lands.
 */
const RECENT_MS = 30_000;
const recentJobEvents = new Map<string, { job: Job | null; heardAt: number }>();

function rememberJobEvents(updates: ReadonlyMap<string, Job | null>, now: number) {
  for (const [jobId, job] of updates) {
    recentJobEvents.delete(jobId); // re-inserted last: the map stays in the order heard
    recentJobEvents.set(jobId, { job, heardAt: now });
  }
  for (const [jobId, { heardAt }] of recentJobEvents) {
    if (heardAt > now - RECENT_MS) break;
    recentJobEvents.delete(jobId);
  }
}

/** Forgets what the stream said (a new sign-in, or tests). */
export function forgetRecentJobEvents(): void {
  recentJobEvents.clear();
}

/**
 * Called when a read of a job or a job list lands: the recent events go back on top of its answer. Each
 * is applied only where it is newer (or a deletion, or a job the answer lacks), so this is idempotent.
 */
export function reapplyRecentJobEvents(queryClient: QueryClient, queryKey: readonly unknown[], now = Date.now()): void {
  if (recentJobEvents.size === 0) return;
  const recent = new Map<string, Job | null>();
  for (const [jobId, { job, heardAt }] of recentJobEvents) if (heardAt > now - RECENT_MS) recent.set(jobId, job);
  if (recent.size === 0) return;
  if (queryKey[1] === 'list') {
    const list = queryClient.getQueryData<JobList>(queryKey);
    const next = list && applyJobsToList(list, (queryKey[2] ?? {}) as JobFilters, recent);
    if (next && next !== list) queryClient.setQueryData(queryKey, next);
    return;
  }
  const jobId = queryKey[2] as string;
  if (queryKey[1] !== 'detail' || !recent.has(jobId)) return;
  const heard = recent.get(jobId);
  const cached = queryClient.getQueryData<Job>(queryKey);
  if (heard && cached && heard.updatedAt > cached.updatedAt) queryClient.setQueryData(queryKey, heard);
  else if (heard === null && cached) void queryClient.invalidateQueries({ queryKey, exact: true });
}

/** `job.updated` / `job.deleted` events of one burst, in seq order (null = deleted). */
export function applyJobEvents(queryClient: QueryClient, updates: ReadonlyMap<string, Job | null>, now = Date.now()): void {
  rememberJobEvents(updates, now);
  for (const [jobId, job] of updates) {
    const key = jobQueryKey(jobId);
    const cached = queryClient.getQueryData<Job>(key);
    if (job === null) {
      removeJobFromCaches(queryClient, jobId, { isListHandled: true });
      continue;
    }
    if (cached && isNewer(job, cached)) queryClient.setQueryData(key, job);
    const previous = cached ?? findInLists(queryClient, jobId);
    if (!previous || previous.version !== job.version || previous.state !== job.state) {
      // A transition: what is allowed, the history and the checklist's order may all have changed.
      void queryClient.invalidateQueries({ queryKey: jobActionsQueryKey(jobId) });
      void queryClient.invalidateQueries({ queryKey: jobHistoryQueryKey(jobId) });
      // A failover starts a fresh checklist: the ticks of the last return no longer count.
      void queryClient.invalidateQueries({ queryKey: checklistQueryKey(jobId) });
    } else if (previous.queue.bytes !== job.queue.bytes || previous.targetDataState !== job.targetDataState) {
      // The failover dialog says what each queue choice means now; keep it current while it is open.
      refreshActionsSoon(queryClient, jobId);
    }
  }
  for (const query of queryClient.getQueryCache().findAll({ queryKey: jobListsQueryKey })) {
    const filters = (query.queryKey[2] ?? {}) as JobFilters;
    const list = query.state.data as JobList | undefined;
    if (!list) continue;
    const next = applyJobsToList(list, filters, updates);
    if (next !== list) queryClient.setQueryData(query.queryKey, next);
  }
}

function findInLists(queryClient: QueryClient, jobId: string): Job | undefined {
  for (const [, list] of queryClient.getQueriesData<JobList>({ queryKey: jobListsQueryKey })) {
    for (const page of list?.pages ?? []) {
      const job = page.items.find((j) => j.id === jobId);
      if (job) return job;
    }
  }
  return undefined;
}

const ACTIONS_REFRESH_MS = 1000;
const pendingRefresh = new Map<string, ReturnType<typeof setTimeout>>();

/** At most one actions refetch per job per second however fast its queue moves (only if it is on screen). */
function refreshActionsSoon(queryClient: QueryClient, jobId: string) {
  if (pendingRefresh.has(jobId)) return;
  const query = queryClient.getQueryCache().find({ queryKey: jobActionsQueryKey(jobId) });
  if (!query || query.getObserversCount() === 0) return;
  pendingRefresh.set(
    jobId,
    setTimeout(() => {
      pendingRefresh.delete(jobId);
      void queryClient.invalidateQueries({ queryKey: jobActionsQueryKey(jobId) });
    }, ACTIONS_REFRESH_MS),
  );
}

/** A deleted job leaves every list; its own queries refetch (and answer 404, which its page explains). */
export function removeJobFromCaches(queryClient: QueryClient, jobId: string, options: { isListHandled?: boolean } = {}): void {
  if (!options.isListHandled) {
    const updates = new Map([[jobId, null]]);
    for (const query of queryClient.getQueryCache().findAll({ queryKey: jobListsQueryKey })) {
      const list = query.state.data as JobList | undefined;
      if (!list) continue;
      const next = applyJobsToList(list, (query.queryKey[2] ?? {}) as JobFilters, updates);
      if (next !== list) queryClient.setQueryData(query.queryKey, next);
    }
  }
  for (const key of [jobActionsQueryKey(jobId), jobOperationsQueryKey(jobId), jobSnapshotsQueryKey(jobId), jobHistoryQueryKey(jobId), checklistQueryKey(jobId)]) {
    queryClient.removeQueries({ queryKey: key });
  }
  void queryClient.invalidateQueries({ queryKey: jobQueryKey(jobId) });
}

/** `operation.updated`: replaces the operation in its job's list (or puts a new one first). */
export function applyOperationEvent(queryClient: QueryClient, operation: Operation): void {
  queryClient.setQueryData<{ items: Operation[] }>(jobOperationsQueryKey(operation.jobId), (list) => {
    if (!list) return list;
    const index = list.items.findIndex((o) => o.id === operation.id);
    if (index === -1) return { items: [operation, ...list.items] };
    const items = [...list.items];
    items[index] = operation;
    return { items };
  });
}

/** `snapshot.updated` / `snapshot.deleted`: the job's snapshot list, newest first; the failover dialog's picker follows. */
export function applySnapshotEvent(queryClient: QueryClient, jobId: string, snapshot: Snapshot | { id: string; isDeleted: true }): void {
  queryClient.setQueryData<{ items: Snapshot[] }>(jobSnapshotsQueryKey(jobId), (list) => {
    if (!list) return list;
    const others = list.items.filter((s) => s.id !== snapshot.id);
    if ('isDeleted' in snapshot) return { items: others };
    return { items: [...others, snapshot].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0)) };
  });
  void queryClient.invalidateQueries({ queryKey: jobActionsQueryKey(jobId) });
}

/**
 * `checklist.updated`: the step's latest tick, in place of its last one (or added). While this console
 * has a tick of that step in flight its own tick stays shown: the event may be of an earlier click
 * (tick, then untick at once), and the refetch when the ticking ends brings the server's word.
 */
export function applyChecklistEvent(queryClient: QueryClient, jobId: string, tick: ChecklistTick): void {
  const isTicking = queryClient
    .getMutationCache()
    .findAll({ mutationKey: tickChecklistMutationKey(jobId), status: 'pending' })
    .some((mutation) => isSameStep(mutation.state.variables as ChecklistTickRequest, tick));
  if (isTicking) return;
  const key = checklistQueryKey(jobId);
  const shown = queryClient.getQueryData<ChecklistState>(key)?.items.find((t) => isSameStep(t, tick));
  queryClient.setQueryData<ChecklistState>(key, (state) => state && withTick(state, tick));
  // A read in flight may predate this tick, and its answer would undo it: read again. Not for a tick that
  // only repeats what is shown (one's own, heard during the refetch that ends the ticking).
  const isNews = shown?.isChecked !== tick.isChecked || shown.actorName !== tick.actorName;
  if (isNews && queryClient.getQueryState(key)?.fetchStatus === 'fetching') void queryClient.invalidateQueries({ queryKey: key });
}
