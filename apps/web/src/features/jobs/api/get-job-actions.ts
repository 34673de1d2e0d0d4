import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JobActions } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

/** Every toolbar command (allowed, or the reason not) and each dialog's options, for the job as it is now. */
export type JobActionsResponse = JobActions & { jobId: string; version: number };

export function getJobActions(jobId: string, signal?: AbortSignal): Promise<JobActionsResponse> {
  return apiGet<JobActionsResponse>(paths.api.jobPart(jobId, 'actions'), signal);
}

export const allJobActionsQueryKey = [...jobsQueryKey, 'actions'] as const;
export const jobActionsQueryKey = (jobId: string) => [...allJobActionsQueryKey, jobId] as const;

export const jobActionsQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobActionsQueryKey(jobId),
    queryFn: ({ signal }) => getJobActions(jobId, signal),
    // Refetched when the stream says the job (or a server, or a snapshot) changed.
    staleTime: Infinity,
  });

export function useJobActions(jobId: string | null) {
  return useQuery({ ...jobActionsQueryOptions(jobId ?? ''), enabled: jobId !== null });
}
