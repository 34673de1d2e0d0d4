import { JobCommandInputSchema } from '@syncsafe/contracts';
import type { Prisma } from '@syncsafe/db';
import type { JobCommandInput } from '@syncsafe/domain';

/** The command input an operation was submitted with (the Failover or Restore dialog's choices, …): the one place it is read. */
export function operationInput(row: { input: Prisma.JsonValue }): JobCommandInput {
  return JobCommandInputSchema.parse(row.input);
}
