import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateJobRequest, Job } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobQueryKey } from './get-job.ts';
import { jobListsQueryKey } from './list-jobs.ts';

/** Answers 201 with the job in state Starting: protection begins at once. */
export function createJob(request: CreateJobRequest): Promise<Job> {
  return apiPost<Job>(paths.api.jobs(), request);
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJob,
    onSuccess: (job) => {
      queryClient.setQueryData(jobQueryKey(job.id), job);
      return queryClient.invalidateQueries({ queryKey: jobListsQueryKey });
    },
  });
}
