import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChecklistTickRequest } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { checklistQueryKey, type ChecklistTick } from './get-checklist.ts';

/** Records one tick (or untick) of a preparation step; the API writes it to the audit trail. */
export function tickChecklistItem(jobId: string, tick: ChecklistTickRequest): Promise<void> {
  return apiPost<void>(paths.api.jobPart(jobId, 'checklist'), tick);
}

export function useTickChecklistItem(jobId: string, actorName: string) {
  const queryClient = useQueryClient();
  const key = checklistQueryKey(jobId);
  return useMutation({
    mutationFn: (tick: ChecklistTickRequest) => tickChecklistItem(jobId, tick),
    // The box shows the tick at once; a refusal puts it back.
    onMutate: async (tick) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<{ items: ChecklistTick[] }>(key);
      const others = (previous?.items ?? []).filter((t) => !(t.checklist === tick.checklist && t.itemId === tick.itemId));
      queryClient.setQueryData(key, { items: [...others, { ...tick, actorName, at: new Date().toISOString() }] });
      return { previous };
    },
    onError: (_error, _tick, context) => queryClient.setQueryData(key, context?.previous),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
