import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FailoverRequest, Operation, RestoreRequest } from '@syncsafe/contracts';
import { apiPost } from '../../../lib/api-client.ts';
import { paths } from '../../../lib/paths.ts';
import { jobActionsQueryKey } from './get-job-actions.ts';
import { jobOperationsQueryKey } from './list-job-operations.ts';

/** The commands of the toolbar that run as operations, with the body each takes. */
export interface JobCommandBodies {
  failover: FailoverRequest;
  restore: RestoreRequest;
  'undo-failover': { expectedVersion?: number };
  failback: { expectedVersion?: number };
  reverse: { expectedVersion?: number };
  start: { expectedVersion?: number };
  stop: { expectedVersion?: number };
  'take-snapshot': { expectedVersion?: number };
}
export type RunnableCommand = keyof JobCommandBodies;

/** Take Snapshot is `POST …/snapshots`; every other command posts to its own name. */
const commandPath = (command: RunnableCommand) => (command === 'take-snapshot' ? 'snapshots' : command);

/**
 * Starts a command; the API answers 202 with the operation, whose progress then arrives on the stream.
 * The idempotency key makes a repeated click (or a retry after a lost answer) return the first operation.
 */
export function runJobCommand<C extends RunnableCommand>(jobId: string, command: C, body: JobCommandBodies[C], idempotencyKey: string): Promise<Operation> {
  return apiPost<Operation>(paths.api.jobPart(jobId, commandPath(command)), body, { 'idempotency-key': idempotencyKey });
}

export function useRunJobCommand<C extends RunnableCommand>(jobId: string, command: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: JobCommandBodies[C]; idempotencyKey: string }) => runJobCommand(jobId, command, body, idempotencyKey),
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
