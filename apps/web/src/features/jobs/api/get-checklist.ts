import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChecklistTick } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

export type { ChecklistTick };

/** The latest tick of each preparation step since the job last failed over (ChecklistStateResponseSchema). */
export interface ChecklistState {
  items: ChecklistTick[];
}

export function getChecklist(jobId: string, signal?: AbortSignal): Promise<ChecklistState> {
  return apiGet<ChecklistState>(paths.api.jobPart(jobId, 'checklist'), signal);
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

export const isSameStep = (a: Pick<ChecklistTick, 'checklist' | 'itemId'>, b: Pick<ChecklistTick, 'checklist' | 'itemId'>) =>
  a.checklist === b.checklist && a.itemId === b.itemId;

/** The state with `tick` as its step's latest: in that step's place, or added. */
export function withTick(state: ChecklistState, tick: ChecklistTick): ChecklistState {
  const index = state.items.findIndex((t) => isSameStep(t, tick));
  if (index === -1) return { items: [...state.items, tick] };
  const items = [...state.items];
  items[index] = tick;
  return { items };
}
