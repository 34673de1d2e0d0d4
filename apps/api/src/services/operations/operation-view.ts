import { JobStateSchema, MachineRoleSchema, OperationKindSchema, OperationStatusSchema, ReversePhaseSchema, StepStatusSchema, type Operation } from '@syncsafe/contracts';
import type { Prisma } from '@syncsafe/db';
import { operationInput } from './operation-input.ts';
import { storedDescription } from './stored-step.ts';

export const withSteps = { steps: { orderBy: { index: 'asc' } } } as const;
export type OperationWithSteps = Prisma.OperationGetPayload<{ include: typeof withSteps }>;

/** The stored strings are read back through the contract's enums (a value outside them is a bug, not a state). */
export function toOperation(row: OperationWithSteps): Operation {
  return {
    id: row.id,
    jobId: row.jobId,
    kind: OperationKindSchema.parse(row.kind),
    status: OperationStatusSchema.parse(row.status),
    options: operationInput(row),
    fromState: JobStateSchema.parse(row.fromState),
    runningState: JobStateSchema.parse(row.runningState),
    toState: JobStateSchema.nullable().parse(row.toState),
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
      machine: MachineRoleSchema.parse(s.machine),
      serverId: s.serverId,
      command: s.command,
      phase: ReversePhaseSchema.nullable().parse(s.phase),
      isBestEffort: s.isBestEffort,
      description: storedDescription(s),
      status: StepStatusSchema.parse(s.status),
      attempts: s.attempts,
      result: s.result ?? null,
      error: s.error,
      startedAt: s.startedAt?.toISOString() ?? null,
      finishedAt: s.finishedAt?.toISOString() ?? null,
    })),
  };
}
