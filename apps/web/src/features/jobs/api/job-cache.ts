import type { QueryClient } from '@tanstack/react-query';
import type { ChecklistTick, ChecklistTickRequest, Job, Operation, Snapshot } from '@syncsafe/contracts';
import { jobQueryKey } from './get-job.ts';
import { jobActionsQueryKey } from './get-job-actions.ts';
import { jobHistoryQueryKey } from './get-job-history.ts';
import { jobOperationsQueryKey } from './list-job-operations.ts';
import { jobSnapshotsQueryKey } from './list-job-snapshots.ts';
import { jobListsQueryKey, type JobFilters } from './list-jobs.ts';
import { applyJobsToList, findJobInLists, isNewer, mergeJobRead, type JobList } from './job-list-merge.ts';
import { recentJobEventsOf } from './recent-job-events.ts';
import { checklistQueryKey, isSameStep, withTick, type ChecklistState } from './get-checklist.ts';
import { tickChecklistMutationKey } from './tick-checklist-item.ts';

/**
 * How the event stream's job, operation and snapshot events land in the query caches: in place, with
 * `setQueryData`, so no page refetches what the stream already said. What the stream cannot carry
 * (the allowed actions and the history, which depend on the job's whole context; which checklist ticks
 * still count) is refetched when the job's version moves, and only where it is on screen.
 */

/**
 * Called when a read of a job or a job list lands: the recent events go back on top of its answer. Each
 * is applied only where it is newer (or a deletion, or a job the answer lacks), so this is idempotent.
 */
export function reapplyRecentJobEvents(queryClient: QueryClient, queryKey: readonly unknown[], now = Date.now()): void {
  const recent = recentJobEventsOf(queryClient).at(now);
  if (recent.size === 0) return;
  if (queryKey[1] === 'list') {
    const list = queryClient.getQueryData<JobList>(queryKey);
    const next = list && applyJobsToList(list, (queryKey[2] ?? {}) as JobFilters, recent);
    if (next && next !== list) queryClient.setQueryData(queryKey, next);
    return;
  }
  if (queryKey[1] !== 'detail') return;
  const merged = mergeJobRead(queryClient.getQueryData<Job>(queryKey), recent.get(queryKey[2] as string));
  if (merged === 'refetch') void queryClient.invalidateQueries({ queryKey, exact: true });
  else if (merged !== 'keep') queryClient.setQueryData(queryKey, merged);
}

/** The updates into every cached job list. */
function applyJobsToLists(queryClient: QueryClient, updates: ReadonlyMap<string, Job | null>): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: jobListsQueryKey })) {
    const list = query.state.data as JobList | undefined;
    if (!list) continue;
    const next = applyJobsToList(list, (query.queryKey[2] ?? {}) as JobFilters, updates);
    if (next !== list) queryClient.setQueryData(query.queryKey, next);
  }
}

/** `job.updated` / `job.deleted` events of one burst, in seq order (null = deleted). */
export function applyJobEvents(queryClient: QueryClient, updates: ReadonlyMap<string, Job | null>, now = Date.now()): void {
  recentJobEventsOf(queryClient).remember(updates, now);
  for (const [jobId, job] of updates) {
    const key = jobQueryKey(jobId);
    const cached = queryClient.getQueryData<Job>(key);
    if (job === null) {
      removeJobFromCaches(queryClient, jobId, { isListHandled: true });
      continue;
    }
    if (cached && isNewer(job, cached)) queryClient.setQueryData(key, job);
    const previous = cached ?? findJobInLists(queryClient.getQueriesData<JobList>({ queryKey: jobListsQueryKey }).map(([, list]) => list), jobId);
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
  applyJobsToLists(queryClient, updates);
}

const ACTIONS_REFRESH_MS = 1000;
/** Per QueryClient: the jobs whose actions refetch is already due. */
const pendingRefreshes = new WeakMap<QueryClient, Set<string>>();

/** At most one actions refetch per job per second however fast its queue moves (only if it is on screen). */
function refreshActionsSoon(queryClient: QueryClient, jobId: string) {
  let pending = pendingRefreshes.get(queryClient);
  if (!pending) pendingRefreshes.set(queryClient, (pending = new Set()));
  if (pending.has(jobId)) return;
  const query = queryClient.getQueryCache().find({ queryKey: jobActionsQueryKey(jobId) });
  if (!query || query.getObserversCount() === 0) return;
  pending.add(jobId);
  setTimeout(() => {
    pending.delete(jobId);
    void queryClient.invalidateQueries({ queryKey: jobActionsQueryKey(jobId) });
  }, ACTIONS_REFRESH_MS);
}

/** A deleted job leaves every list; its own queries refetch (and answer 404, which its page explains). */
export function removeJobFromCaches(queryClient: QueryClient, jobId: string, options: { isListHandled?: boolean } = {}): void {
  if (!options.isListHandled) applyJobsToLists(queryClient, new Map([[jobId, null]]));
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
