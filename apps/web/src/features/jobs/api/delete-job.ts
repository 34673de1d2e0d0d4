import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { removeJobFromCaches } from './job-cache.ts';

export function deleteJob(jobId: string): Promise<void> {
  return apiDelete(paths.api.job(jobId));
}

export function useDeleteJob(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteJob(jobId),
    onSuccess: () => removeJobFromCaches(queryClient, jobId),
  });
}
