import { useQuery } from '@tanstack/react-query';
import type { RestoreReadiness } from '@syncsafe/contracts';
import { apiGet } from '../../../lib/api-client.ts';
import { paths, withQuery } from '../../../lib/paths.ts';
import { jobsQueryKey } from './list-jobs.ts';

/** How often the open dialog asks the destination again: open files have no event of their own. */
export const RESTORE_READINESS_INTERVAL_MS = 5000;

export function getRestoreReadiness(jobId: string, serverId: string, signal?: AbortSignal): Promise<RestoreReadiness> {
  return apiGet<RestoreReadiness>(withQuery(paths.api.jobPart(jobId, 'restore-readiness'), { serverId }), signal);
}

/**
 * The destination's live answer for the Restore checklist (does it answer, which files are open there).
 * It is a check run on the agent, not job state, so it is asked again while the dialog stays open.
 */
export function useRestoreReadiness(jobId: string, serverId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...jobsQueryKey, 'restore-readiness', jobId, serverId],
    queryFn: ({ signal }) => getRestoreReadiness(jobId, serverId, signal),
    enabled: isEnabled,
    retry: false,
    refetchInterval: RESTORE_READINESS_INTERVAL_MS,
  });
}
