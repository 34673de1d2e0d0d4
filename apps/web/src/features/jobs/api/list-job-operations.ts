import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Operation } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

export function listJobOperations(jobId: string, signal?: AbortSignal): Promise<{ items: Operation[] }> {
  return apiGet<{ items: Operation[] }>(paths.api.jobPart(jobId, 'operations'), signal);
}

export const jobOperationsQueryKey = (jobId: string) => [...jobsQueryKey, 'operations', jobId] as const;

/** Newest first; `operation.updated` events replace or prepend entries. */
export const jobOperationsQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobOperationsQueryKey(jobId),
    queryFn: ({ signal }) => listJobOperations(jobId, signal),
    staleTime: Infinity,
  });

export function useJobOperations(jobId: string) {
  return useQuery(jobOperationsQueryOptions(jobId));
}
