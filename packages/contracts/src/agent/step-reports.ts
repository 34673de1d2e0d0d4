import { z } from 'zod';
import { AgentQueuedOpSummarySchema, AgentShareSchema, AgentStandInSchema, AgentTargetDataStateSchema } from './jobs.ts';
import { AgentSnapshotSchema } from './snapshots.ts';

export const AgentApplyReportSchema = z.object({
  action: z.literal('applied'),
  appliedOps: z.number().int().nonnegative(),
  appliedBytes: z.number().int().nonnegative(),
});
export type AgentApplyReport = z.infer<typeof AgentApplyReportSchema>;

/** Exactly what a discard dropped: every op, in order. */
export const AgentDiscardReportSchema = z.object({
  action: z.literal('discarded'),
  discardedOps: z.number().int().nonnegative(),
  discardedBytes: z.number().int().nonnegative(),
  ops: z.array(AgentQueuedOpSummarySchema),
});
export type AgentDiscardReport = z.infer<typeof AgentDiscardReportSchema>;

export const AgentRevertReportSchema = z.object({
  action: z.literal('reverted'),
  snapshot: AgentSnapshotSchema,
  discarded: AgentDiscardReportSchema,
});
export type AgentRevertReport = z.infer<typeof AgentRevertReportSchema>;

export const AgentQueueOutcomeSchema = z.discriminatedUnion('action', [AgentApplyReportSchema, AgentDiscardReportSchema, AgentRevertReportSchema]);
export type AgentQueueOutcome = z.infer<typeof AgentQueueOutcomeSchema>;

export const AgentServiceStopReportSchema = z.object({
  stopped: z.array(z.string()),
  failed: z.array(z.object({ name: z.string(), reason: z.string() })),
  leftRunning: z.array(z.string()),
});
export type AgentServiceStopReport = z.infer<typeof AgentServiceStopReportSchema>;

export const AgentFilesFailoverReportSchema = z.object({
  queue: AgentQueueOutcomeSchema,
  standIn: AgentStandInSchema,
  shares: z.array(AgentShareSchema),
  dataState: AgentTargetDataStateSchema,
});
export type AgentFilesFailoverReport = z.infer<typeof AgentFilesFailoverReportSchema>;

export const AgentFullServerFailoverReportSchema = z.object({
  queue: AgentQueueOutcomeSchema,
  revertedTo: AgentSnapshotSchema.nullable(),
  previousIdentityName: z.string(),
  identityName: z.string(),
  isLicenseLost: z.boolean(),
  services: AgentServiceStopReportSchema,
  warnings: z.array(z.string()),
});
export type AgentFullServerFailoverReport = z.infer<typeof AgentFullServerFailoverReportSchema>;

export const AgentRestoreReportSchema = z.object({
  filesCompared: z.number().int().nonnegative(),
  filesSent: z.number().int().nonnegative(),
  /** Content bytes of the files that differed. */
  bytesChanged: z.number().int().nonnegative(),
  /** File content put on the wire. */
  bytesSent: z.number().int().nonnegative(),
  /** Everything on the wire: manifests, frame headers and content. */
  wireBytes: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  /** Shares created on the target during failover are not created on the destination by a restore. */
  sharesNotRestored: z.array(AgentShareSchema),
});
export type AgentRestoreReport = z.infer<typeof AgentRestoreReportSchema>;
