import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Job, JobState, JobType } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';

/** The Jobs page's filters, as kept in the page URL and sent to the API. */
export interface JobFilters {
  q?: string;
  type?: JobType;
  state?: JobState;
  serverId?: string;
}

export interface JobListPage {
  items: Job[];
  nextCursor: string | null;
  total: number;
}

/** Large pages: the table is virtualized, so holding 10,000 jobs costs memory, not rendering. */
export const JOB_PAGE_SIZE = 500;

export function listJobs(filters: JobFilters, cursor: string | undefined, signal?: AbortSignal): Promise<JobListPage> {
  return apiGet<JobListPage>(paths.api.jobs({ ...filters, cursor, limit: JOB_PAGE_SIZE }), signal);
}

export const jobsQueryKey = ['jobs'] as const;
export const jobListsQueryKey = [...jobsQueryKey, 'list'] as const;

export const jobsListQueryOptions = (filters: JobFilters) =>
  infiniteQueryOptions({
    queryKey: [...jobListsQueryKey, filters] as const,
    queryFn: ({ pageParam, signal }) => listJobs(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The event stream keeps the list current; a refetch of 10,000 jobs on focus would only cost.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export function useJobs(filters: JobFilters) {
  return useInfiniteQuery(jobsListQueryOptions(filters));
}

/**
 * Whether a job belongs in a list with these filters, as the API selects them (name contains `q`,
 * case-insensitive; the job's source, target or test server). Used to drop a job from a filtered list
 * when a live update moves it out.
 */
export function jobMatchesFilters(job: Job, filters: JobFilters): boolean {
  if (filters.type && job.type !== filters.type) return false;
  if (filters.state && job.state !== filters.state) return false;
  if (filters.q && !job.name.toLowerCase().includes(filters.q.toLowerCase())) return false;
  if (filters.serverId && ![job.source.id, job.target.id, job.testServer?.id].includes(filters.serverId)) return false;
  return true;
}
