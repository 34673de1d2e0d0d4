import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

/** The latest tick of each preparation step since the job last failed over (ChecklistStateResponseSchema). */
export interface ChecklistTick {
  checklist: string;
  itemId: string;
  isChecked: boolean;
  actorName: string;
  at: string;
}

export function getChecklist(jobId: string, signal?: AbortSignal): Promise<{ items: ChecklistTick[] }> {
  return apiGet<{ items: ChecklistTick[] }>(paths.api.jobPart(jobId, 'checklist'), signal);
}

export const checklistQueryKey = (jobId: string) => [...jobsQueryKey, 'checklist', jobId] as const;

export const checklistQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: checklistQueryKey(jobId),
    queryFn: ({ signal }) => getChecklist(jobId, signal),
  });

export function useChecklist(jobId: string) {
  return useQuery(checklistQueryOptions(jobId));
}
