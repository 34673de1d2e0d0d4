import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '@syncsafe/contracts';

/** How long a heard job event is put back on reads that land (longer than any read takes). */
export const RECENT_MS = 30_000;

/**
 * Job events heard in the last RECENT_MS. A read that began before one of them answers older data and,
 * landing after it, would undo it in the cache: the events are put back on every read that lands.
 * One per QueryClient (`recentJobEventsOf`), so two clients (two tests, or a client made anew) share nothing.
 */
export class RecentJobEvents {
  /** In the order heard: the oldest first, so expiry stops at the first one still recent. */
  private readonly heard = new Map<string, { job: Job | null; heardAt: number }>();

  remember(updates: ReadonlyMap<string, Job | null>, now: number): void {
    for (const [jobId, job] of updates) {
      this.heard.delete(jobId); // re-inserted last: the map stays in the order heard
      this.heard.set(jobId, { job, heardAt: now });
    }
    for (const [jobId, { heardAt }] of this.heard) {
      if (heardAt > now - RECENT_MS) break;
      this.heard.delete(jobId);
    }
  }

  /** The events still recent at `now`, by job id (null = deleted). */
  at(now: number): Map<string, Job | null> {
    const recent = new Map<string, Job | null>();
    for (const [jobId, { job, heardAt }] of this.heard) if (heardAt > now - RECENT_MS) recent.set(jobId, job);
    return recent;
  }
}

const byClient = new WeakMap<QueryClient, RecentJobEvents>();

/** The recent job events of one QueryClient, made with its first event. */
export function recentJobEventsOf(queryClient: QueryClient): RecentJobEvents {
  let recent = byClient.get(queryClient);
  if (!recent) {
    recent = new RecentJobEvents();
    byClient.set(queryClient, recent);
  }
  return recent;
}
