import { mutationOptions, useMutation } from '@tanstack/react-query';
import type { ChecklistTickRequest } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { checklistQueryKey, isSameStep, withTick, type ChecklistState } from './get-checklist.ts';

/** Records one tick (or untick) of a preparation step; the API writes it to the audit trail. */
export function tickChecklistItem(jobId: string, tick: ChecklistTickRequest): Promise<void> {
  return apiPost<void>(paths.api.jobPart(jobId, 'checklist'), tick);
}

/** Every tick of the job's checklist this console has sent: the stream's `checklist.updated` looks here. */
export const tickChecklistMutationKey = (jobId: string) => [...checklistQueryKey(jobId), 'tick'] as const;

export const tickChecklistItemMutationOptions = (jobId: string, actorName: string) => {
  const key = checklistQueryKey(jobId);
  return mutationOptions({
    mutationKey: tickChecklistMutationKey(jobId),
    mutationFn: (tick: ChecklistTickRequest) => tickChecklistItem(jobId, tick),
    // The box shows the tick at once; a refusal puts that step back. Meanwhile the stream's event of this
    // step is set aside (see applyChecklistEvent), so a quick tick-untick cannot flicker.
    onMutate: async (tick, { client }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<ChecklistState>(key)?.items.find((t) => isSameStep(t, tick));
      client.setQueryData<ChecklistState>(key, (state) => withTick(state ?? { items: [] }, { ...tick, actorName, at: new Date().toISOString() }));
      return { previous };
    },
    onError: (_error, tick, result, { client }) =>
      client.setQueryData<ChecklistState>(key, (state) => {
        if (!state) return state;
        return result?.previous ? withTick(state, result.previous) : { items: state.items.filter((t) => !isSameStep(t, tick)) };
      }),
    // Once the last tick in flight ends (this one still counts), the server's state replaces the stream's
    // set-aside events; reading earlier would show a step as it was before a tick still in flight.
    onSettled: (_data, _error, _tick, _result, { client }) => {
      if (client.isMutating({ mutationKey: tickChecklistMutationKey(jobId) }) === 1) void client.invalidateQueries({ queryKey: key });
    },
  });
};

export function useTickChecklistItem(jobId: string, actorName: string) {
  return useMutation(tickChecklistItemMutationOptions(jobId, actorName));
}
