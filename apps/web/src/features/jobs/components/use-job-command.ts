import { useState } from 'react';
import type { JobCommandOptions, JobCommandRequest, OperationCommand } from '@syncsafe/contracts';
import { newIdempotencyKey, useRunJobCommand } from '../api/run-job-command.ts';

/**
 * A command as one dialog sends it: one idempotency key for the dialog's lifetime (a double click or a
 * retry after a lost answer returns the same operation) and the job version the options were shown for
 * (someone else's command in between makes the API refuse with 409 instead of acting on stale options).
 */
export function useJobCommand<C extends OperationCommand>(jobId: string, command: C, version: number | undefined) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const mutation = useRunJobCommand(jobId, command);
  const submit = (body: JobCommandOptions<C>) =>
    mutation.mutate({ body: { ...body, ...(version === undefined ? {} : { expectedVersion: version }) } as JobCommandRequest<C>, idempotencyKey });
  return { submit, operation: mutation.data ?? null, error: mutation.error, isPending: mutation.isPending, reset: mutation.reset };
}
