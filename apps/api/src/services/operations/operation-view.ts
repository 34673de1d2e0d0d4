import type { JobState, Operation, OperationKind, OperationStatus, ReversePhase } from '@syncsafe/contracts';
import type { Operation as OperationRow, OperationStep as StepRow } from '@syncsafe/db';

export type OperationWithSteps = OperationRow & { steps: StepRow[] };
export const withSteps = { steps: { orderBy: { index: 'asc' } } } as const;

export function toOperation(row: OperationWithSteps): Operation {
  return {
    id: row.id,
    jobId: row.jobId,
    kind: row.kind as OperationKind,
    status: row.status as OperationStatus,
    options: (row.options as { input?: unknown }).input ?? null,
    fromState: row.fromState as JobState,
    runningState: row.runningState as JobState,
    toState: (row.toState as JobState | null) ?? null,
    actorName: row.actorName,
    error: row.error,
    result: row.result ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    steps: row.steps.map((s) => ({
      id: s.id,
      index: s.index,
      key: s.key,
      machine: s.machine as Operation['steps'][number]['machine'],
      serverId: s.serverId,
      command: s.command,
      phase: (s.phase as ReversePhase | null) ?? null,
      isBestEffort: s.isBestEffort,
      description: (s.args as { description?: string } | null)?.description ?? null,
      status: s.status as Operation['steps'][number]['status'],
      attempts: s.attempts,
      result: s.result ?? null,
      error: s.error,
      startedAt: s.startedAt?.toISOString() ?? null,
      finishedAt: s.finishedAt?.toISOString() ?? null,
    })),
  };
}
