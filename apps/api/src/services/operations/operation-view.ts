import { ActionWarningSchema, JsonSchema, MachineRoleSchema, ReversePhaseSchema, type Operation } from '@syncsafe/contracts';
import { fromRowEnum, type Prisma } from '@syncsafe/db';
import { z } from 'zod';
import { operationInput } from './operation-input.ts';
import { storedDescription } from './stored-step.ts';

export const withSteps = { steps: { orderBy: { index: 'asc' } } } as const;
export type OperationWithSteps = Prisma.OperationGetPayload<{ include: typeof withSteps }>;

const ReportsSchema = z.record(z.string(), JsonSchema).nullable();

/** An operation as the API shows it; JSON columns are read back through the contract's schemas. */
export function toOperation(row: OperationWithSteps): Operation {
  return {
    id: row.id,
    jobId: row.jobId,
    kind: fromRowEnum(row.kind),
    status: row.status,
    input: operationInput(row),
    warnings: ActionWarningSchema.array().parse(row.warnings),
    fromState: fromRowEnum(row.fromState),
    runningState: fromRowEnum(row.runningState),
    toState: row.toState === null ? null : fromRowEnum(row.toState),
    actorName: row.actorName,
    error: row.error,
    result: ReportsSchema.parse(row.result),
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
      status: s.status,
      attempts: s.attempts,
      result: JsonSchema.nullable().parse(s.result),
      error: s.error,
      startedAt: s.startedAt?.toISOString() ?? null,
      finishedAt: s.finishedAt?.toISOString() ?? null,
    })),
  };
}
