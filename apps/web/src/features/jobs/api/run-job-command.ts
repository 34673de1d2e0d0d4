import { useMutation, useQueryClient } from '@tanstack/react-query';
import { jobCommandPath, type JobCommandRequest, type OperationCommand, type Operation } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobActionsQueryKey } from './get-job-actions.ts';
import { jobOperationsQueryKey } from './list-job-operations.ts';

/**
 * Starts a command; the API answers 202 with the operation, whose progress then arrives on the stream.
 * The idempotency key makes a repeated click (or a retry after a lost answer) return the first operation.
 */
export function runJobCommand<C extends OperationCommand>(jobId: string, command: C, body: JobCommandRequest<C>, idempotencyKey: string): Promise<Operation> {
  return apiPost<Operation>(paths.api.jobPart(jobId, jobCommandPath(command)), body, { 'idempotency-key': idempotencyKey });
}

export function useRunJobCommand<C extends OperationCommand>(jobId: string, command: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: JobCommandRequest<C>; idempotencyKey: string }) => runJobCommand(jobId, command, body, idempotencyKey),
    onSuccess: (operation) => {
      queryClient.setQueryData<{ items: Operation[] }>(jobOperationsQueryKey(jobId), (list) =>
        list && !list.items.some((o) => o.id === operation.id) ? { items: [operation, ...list.items] } : list,
      );
    },
    // Accepted or refused, what is allowed now has changed (or was not what this console showed).
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobActionsQueryKey(jobId) }),
  });
}

/** A fresh key per dialog opening; `crypto.randomUUID` needs a secure context, which a LAN address is not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Take Snapshot runs at once (no options): a Manual snapshot of the target's data. */
export function useTakeSnapshot() {
  return useMutation({
    mutationFn: ({ jobId, version }: { jobId: string; version?: number }) =>
      runJobCommand(jobId, 'take-snapshot', version === undefined ? {} : { expectedVersion: version }, newIdempotencyKey()),
  });
}
