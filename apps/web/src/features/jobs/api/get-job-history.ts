import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JobTransition } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

export type { JobTransition };

export function getJobHistory(jobId: string, signal?: AbortSignal): Promise<{ items: JobTransition[] }> {
  return apiGet<{ items: JobTransition[] }>(paths.api.jobPart(jobId, 'history'), signal);
}

export const jobHistoryQueryKey = (jobId: string) => [...jobsQueryKey, 'history', jobId] as const;

/** Newest first; refetched when the stream shows the job moved (its version changed). */
export const jobHistoryQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobHistoryQueryKey(jobId),
    queryFn: ({ signal }) => getJobHistory(jobId, signal),
    staleTime: Infinity,
  });

export function useJobHistory(jobId: string) {
  return useQuery(jobHistoryQueryOptions(jobId));
}
