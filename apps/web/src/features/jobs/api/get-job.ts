import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Job } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

export function getJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiGet<Job>(paths.api.job(jobId), signal);
}

export const jobQueryKey = (jobId: string) => [...jobsQueryKey, 'detail', jobId] as const;

export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobQueryKey(jobId),
    queryFn: ({ signal }) => getJob(jobId, signal),
    // Kept current by the event stream.
    staleTime: Infinity,
  });

export function useJob(jobId: string) {
  return useQuery(jobQueryOptions(jobId));
}
