import { z } from 'zod';
import { EditableJobFieldSchema } from './job-actions.ts';
import { FailoverTypeSchema, QueueChoiceSchema } from './jobs.ts';
import { PortSchema } from './servers.ts';

/**
 * A command's input: what an operator (or the failover monitor, or the snapshot scheduler) asked for, as
 * accepted. The domain decides on it; operations and transitions persist it and parse it back with this
 * schema. "Input" is a command's arguments; "options" is only a job's configuration.
 */
export const FailoverInputSchema = z.object({
  command: z.literal('failover'),
  type: FailoverTypeSchema,
  queue: QueueChoiceSchema,
  /** Failover To A Snapshot: the console id of the chosen snapshot. */
  snapshotId: z.string().optional(),
  /** "Leave source services running" / "Leave source cluster resources online" (live and snapshot only). */
  leaveSourceRunning: z.boolean().optional(),
});

export const RestoreInputSchema = z.object({
  command: z.literal('restore'),
  /** Restore Data (true) or Do Not Restore Data (false). */
  restoreData: z.boolean(),
  /** The server to restore to; the job's source by default. */
  serverId: z.string().optional(),
  /** Port override for a server behind a public NAT address. */
  port: PortSchema.optional(),
});

/** Take Snapshot: a user's click is Manual; the scheduler asks for Scheduled, or Deferred when it had to wait. */
export const TakeSnapshotInputSchema = z.object({
  command: z.literal('take-snapshot'),
  snapshotType: z.enum(['manual', 'scheduled', 'deferred']).optional(),
});

/** Edit: the fields of the PATCH body being changed. */
export const EditInputSchema = z.object({ command: z.literal('edit'), fields: z.array(EditableJobFieldSchema).optional() });

export const SimpleCommandSchema = z.enum(['undo-failover', 'failback', 'reverse', 'start', 'stop', 'delete']);

export const JobCommandInputSchema = z.discriminatedUnion('command', [
  FailoverInputSchema,
  RestoreInputSchema,
  TakeSnapshotInputSchema,
  EditInputSchema,
  z.object({ command: SimpleCommandSchema }),
]);
export type FailoverInput = z.infer<typeof FailoverInputSchema>;
export type RestoreInput = z.infer<typeof RestoreInputSchema>;
export type TakeSnapshotInput = z.infer<typeof TakeSnapshotInputSchema>;
export type EditInput = z.infer<typeof EditInputSchema>;
export type SimpleCommand = z.infer<typeof SimpleCommandSchema>;
export type JobCommandInput = z.infer<typeof JobCommandInputSchema>;
