import { z } from 'zod';
import { AgentTimestampSchema } from './common.ts';

/** Scheduled / Deferred / Manual are the console's labels; `automatic` is taken on a good→bad transition. */
export const AgentSnapshotTypeSchema = z.enum(['scheduled', 'deferred', 'manual', 'automatic']);
export type AgentSnapshotType = z.infer<typeof AgentSnapshotTypeSchema>;

export const AgentSnapshotSchema = z.object({
  snapshotId: z.string(),
  jobId: z.string(),
  type: AgentSnapshotTypeSchema,
  takenAt: AgentTimestampSchema,
  /** Whether the target data state was good when the point-in-time copy was taken. */
  isGood: z.boolean(),
  reason: z.string().nullable(),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type AgentSnapshot = z.infer<typeof AgentSnapshotSchema>;

export const AgentSnapshotListResponseSchema = z.object({ snapshots: z.array(AgentSnapshotSchema) });
export type AgentSnapshotListResponse = z.infer<typeof AgentSnapshotListResponseSchema>;
