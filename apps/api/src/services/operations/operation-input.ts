import { EditableJobFieldSchema, FailoverTypeSchema, JobCommandSchema, QueueChoiceSchema } from '@syncsafe/contracts';
import type { Prisma } from '@syncsafe/db';
import type { JobCommandInput } from '@syncsafe/domain';
import { z } from 'zod';

/**
 * The domain's `JobCommandInput`, the way an operation keeps it. Objects are loose: users see a stored
 * input exactly the way it was submitted, so a field this schema does not name is kept, not dropped.
 */
const JobCommandInputSchema = z.union([
  z.looseObject({
    command: z.literal('failover'),
    type: FailoverTypeSchema,
    queue: QueueChoiceSchema,
    snapshotId: z.string().optional(),
    leaveSourceRunning: z.boolean().optional(),
  }),
  z.looseObject({ command: z.literal('restore'), restoreData: z.boolean(), serverId: z.string().optional(), port: z.number().int().optional() }),
  z.looseObject({ command: z.literal('take-snapshot'), snapshotType: z.enum(['manual', 'scheduled', 'deferred']).optional() }),
  z.looseObject({ command: z.literal('edit'), fields: z.array(EditableJobFieldSchema).optional() }),
  z.looseObject({ command: JobCommandSchema.exclude(['failover', 'restore', 'take-snapshot', 'edit']) }),
]) satisfies z.ZodType<JobCommandInput>;

const StoredOptionsSchema = z.object({ input: JobCommandInputSchema });

/** The command input an operation was submitted with (the Failover or Restore dialog's choices, …): the one place it is read. */
export function operationInput(row: { options: Prisma.JsonValue }): JobCommandInput {
  return StoredOptionsSchema.parse(row.options).input;
}
