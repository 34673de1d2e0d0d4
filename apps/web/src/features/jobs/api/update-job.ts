import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Job, UpdateJobRequest } from '@syncsafe/contracts';
import { apiPatch } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobQueryKey } from './get-job.ts';
import { jobActionsQueryKey } from './get-job-actions.ts';

export function updateJob(jobId: string, request: UpdateJobRequest): Promise<Job> {
  return apiPatch<Job>(paths.api.job(jobId), request);
}

export function useUpdateJob(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateJobRequest) => updateJob(jobId, request),
    onSuccess: (job) => {
      // The lists hear of it from the stream (job.updated); the details page needs it now.
      queryClient.setQueryData(jobQueryKey(jobId), job);
      return queryClient.invalidateQueries({ queryKey: jobActionsQueryKey(jobId) });
    },
  });
}
