import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Snapshot } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

export function listJobSnapshots(jobId: string, signal?: AbortSignal): Promise<{ items: Snapshot[] }> {
  return apiGet<{ items: Snapshot[] }>(paths.api.jobPart(jobId, 'snapshots'), signal);
}

export const jobSnapshotsQueryKey = (jobId: string) => [...jobsQueryKey, 'snapshots', jobId] as const;

export const jobSnapshotsQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: jobSnapshotsQueryKey(jobId),
    queryFn: ({ signal }) => listJobSnapshots(jobId, signal),
    staleTime: Infinity,
  });

export function useJobSnapshots(jobId: string) {
  return useQuery(jobSnapshotsQueryOptions(jobId));
}
