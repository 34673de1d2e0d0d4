import { z } from 'zod';
import { BadDataReasonSchema, MirrorStatusSchema, TargetStatusSchema } from '../jobs.ts';
import { PortSchema, ServerAddressSchema } from '../servers.ts';
import { AgentAbsolutePathSchema, AgentIdSchema, AgentTimestampSchema } from './common.ts';
import { AgentServerIdentitySchema } from './identity.ts';

export const AgentJobTypeSchema = z.enum(['files-and-folders', 'full-server']);
export type AgentJobType = z.infer<typeof AgentJobTypeSchema>;

/** `test`: the test failover machine of a Full Server job, which receives a snapshot of the target. */
export const AgentJobRoleSchema = z.enum(['source', 'target', 'test']);
export type AgentJobRole = z.infer<typeof AgentJobRoleSchema>;

/** A receiving endpoint on another agent, and the token that agent granted for it. */
export const AgentChannelEndpointSchema = z.object({
  address: ServerAddressSchema,
  port: PortSchema,
  channelId: AgentIdSchema,
  token: z.string().min(16, 'Token is at least 16 characters').max(256),
});
export type AgentChannelEndpoint = z.infer<typeof AgentChannelEndpointSchema>;

/** What an agent answers when it opens a receiving channel; the console hands it to the sending agent. */
export const AgentChannelGrantSchema = z.object({ channelId: AgentIdSchema, token: z.string() });
export type AgentChannelGrant = z.infer<typeof AgentChannelGrantSchema>;

/** Directories protected by a job: absolute, distinct, none inside another, never `/`. */
export const AgentProtectedDirectoriesSchema = z
  .array(AgentAbsolutePathSchema.refine((p) => p !== '/', { message: 'The root directory cannot be protected' }))
  .min(1, 'At least one directory is required')
  .max(64, 'At most 64 directories')
  .refine((dirs) => dirs.every((a, i) => dirs.every((b, j) => i === j || (a !== b && !b.startsWith(`${a}/`)))), {
    message: 'Directories must be distinct and not nested in one another',
  })
  .refine((dirs) => dirs.every((d) => d.split('/')[1] !== '.syncsafe'), {
    message: 'Directories under /.syncsafe are reserved',
  });

export const AgentJobOptionsSchema = z.object({
  /** Periodic reconciliation walks the protected directories so that no change the watcher missed is lost. */
  reconcileIntervalMs: z.number().int().min(100).max(86_400_000).default(60_000),
});
export type AgentJobOptions = z.infer<typeof AgentJobOptionsSchema>;

const jobSetupFields = {
  type: AgentJobTypeSchema,
  directories: AgentProtectedDirectoriesSchema,
  options: AgentJobOptionsSchema.default({ reconcileIntervalMs: 60_000 }),
};

/** `PUT /v1/jobs/:jobId` on the source agent: what to protect and the target channel to push to. */
export const AgentSourceJobSetupSchema = z.object({
  role: z.literal('source'),
  ...jobSetupFields,
  target: AgentChannelEndpointSchema,
});

/**
 * `PUT /v1/jobs/:jobId` on the target agent. Each protected directory `/a/b` is replicated to
 * `<replicaRoot>/a/b`; the target never writes outside those folders.
 */
export const AgentTargetJobSetupSchema = z.object({
  role: z.literal('target'),
  ...jobSetupFields,
  replicaRoot: AgentAbsolutePathSchema.refine((p) => p !== '/', { message: 'The replica root cannot be /' }),
});

export const AgentJobSetupRequestSchema = z.discriminatedUnion('role', [AgentSourceJobSetupSchema, AgentTargetJobSetupSchema]);
export type AgentJobSetupRequest = z.infer<typeof AgentJobSetupRequestSchema>;
export type AgentSourceJobSetup = z.infer<typeof AgentSourceJobSetupSchema>;
export type AgentTargetJobSetup = z.infer<typeof AgentTargetJobSetupSchema>;

/** The source's transmit view (Double-Take's Replication Status / Transmit Mode). */
export const AgentProtectionStateSchema = z.enum(['stopped', 'mirroring', 'replicating', 'retrying', 'paused']);
export type AgentProtectionState = z.infer<typeof AgentProtectionStateSchema>;

/** `differences` compares size, time and mode; `checksum` compares content hashes; `full` sends everything. */
export const AgentMirrorModeSchema = z.enum(['differences', 'checksum', 'full']);
export type AgentMirrorMode = z.infer<typeof AgentMirrorModeSchema>;

/** The console's Job carries this word as it is (`mirrorStatus`). */
export const AgentMirrorStateSchema = MirrorStatusSchema;
export type AgentMirrorState = z.infer<typeof AgentMirrorStateSchema>;

export const AgentMirrorProgressSchema = z.object({
  state: AgentMirrorStateSchema,
  mode: AgentMirrorModeSchema.nullable(),
  /** Entries walked on the sending side. */
  filesScanned: z.number().int().nonnegative(),
  /** Entries that differ and have to be sent, and how many of them were sent. */
  filesTotal: z.number().int().nonnegative(),
  filesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  bytesDone: z.number().int().nonnegative(),
  percent: z.number().min(0).max(100),
  /** File content bytes put on the wire by this mirror (resumed partial files count only what was sent). */
  bytesSent: z.number().int().nonnegative(),
  startedAt: AgentTimestampSchema.nullable(),
  finishedAt: AgentTimestampSchema.nullable(),
  error: z.string().nullable(),
});
export type AgentMirrorProgress = z.infer<typeof AgentMirrorProgressSchema>;

export const AgentSourceJobStatusSchema = z.object({
  protection: AgentProtectionStateSchema,
  mirror: AgentMirrorProgressSchema,
  /** Paths changed on the source and not yet sent. */
  pendingPaths: z.number().int().nonnegative(),
  sentOps: z.number().int().nonnegative(),
  sentBytes: z.number().int().nonnegative(),
  ackedSeq: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  bandwidthLimitBytesPerSecond: z.number().int().positive().nullable(),
});
export type AgentSourceJobStatus = z.infer<typeof AgentSourceJobStatusSchema>;

/** Double-Take's Target Status words, in our spelling; the console's Job carries them as they are (`targetStatus`). */
export const AgentTargetStatusSchema = TargetStatusSchema;
export type AgentTargetStatus = z.infer<typeof AgentTargetStatusSchema>;

export const AgentTargetQueueStatusSchema = z.object({
  /** Received by the target and not yet applied to the replica. */
  ops: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  isApplyPaused: z.boolean(),
  /** Age of the oldest change not yet applied (0 when the queue is empty). */
  lagMs: z.number().int().nonnegative(),
  oldestCapturedAt: AgentTimestampSchema.nullable(),
  appliedOps: z.number().int().nonnegative(),
  appliedBytes: z.number().int().nonnegative(),
  receivedThroughSeq: z.number().int().nonnegative(),
  appliedThroughSeq: z.number().int().nonnegative(),
});
export type AgentTargetQueueStatus = z.infer<typeof AgentTargetQueueStatusSchema>;

export const AgentTargetDataStateValueSchema = z.enum(['good', 'bad']);
export const AgentBadDataReasonSchema = BadDataReasonSchema;
export type AgentBadDataReason = z.infer<typeof AgentBadDataReasonSchema>;

export const AgentTargetDataStateSchema = z.object({
  state: AgentTargetDataStateValueSchema,
  reason: AgentBadDataReasonSchema.nullable(),
  detail: z.string().nullable(),
  since: AgentTimestampSchema,
});
export type AgentTargetDataState = z.infer<typeof AgentTargetDataStateSchema>;

/** A change the target refused to apply because its path would leave the replicated folders. */
export const AgentPathRefusalSchema = z.object({ at: AgentTimestampSchema, path: z.string(), reason: z.string() });
export type AgentPathRefusal = z.infer<typeof AgentPathRefusalSchema>;

export const AgentShareSchema = z.object({ name: z.string().min(1).max(80), path: z.string().min(1).max(4096) });
export type AgentShare = z.infer<typeof AgentShareSchema>;

/** Who the target stands in for after a Files and Folders failover. */
export const AgentStandInSchema = z.object({ name: z.string(), addresses: z.array(z.string()) });
export type AgentStandIn = z.infer<typeof AgentStandInSchema>;

export const AgentTargetJobStatusSchema = z.object({
  status: AgentTargetStatusSchema,
  replicaRoot: z.string(),
  isAccepting: z.boolean(),
  queue: AgentTargetQueueStatusSchema,
  dataState: AgentTargetDataStateSchema,
  refusals: z.array(AgentPathRefusalSchema),
  refusalsTotal: z.number().int().nonnegative(),
  /** The source's system state as last replicated (name, addresses, services). */
  sourceIdentity: AgentServerIdentitySchema.nullable(),
  standIn: AgentStandInSchema.nullable(),
  shares: z.array(AgentShareSchema),
  failedOverAt: AgentTimestampSchema.nullable(),
  lastMirrorCompletedAt: AgentTimestampSchema.nullable(),
});
export type AgentTargetJobStatus = z.infer<typeof AgentTargetJobStatusSchema>;

export const AgentAdapterMappingSchema = z.array(
  z.object({ sourceAdapter: z.string().min(1), targetAdapter: z.string().min(1) }),
);
export type AgentAdapterMapping = z.infer<typeof AgentAdapterMappingSchema>;

export const AgentTestJobStatusSchema = z.object({
  phase: z.enum(['receiving', 'online', 'undone']),
  replicaPath: z.string(),
  adapterMapping: AgentAdapterMappingSchema,
});
export type AgentTestJobStatus = z.infer<typeof AgentTestJobStatusSchema>;

export const AgentJobStatusSchema = z.object({
  jobId: z.string(),
  type: AgentJobTypeSchema,
  role: AgentJobRoleSchema,
  directories: z.array(z.string()),
  createdAt: AgentTimestampSchema,
  source: AgentSourceJobStatusSchema.nullable(),
  target: AgentTargetJobStatusSchema.nullable(),
  test: AgentTestJobStatusSchema.nullable(),
});
export type AgentJobStatus = z.infer<typeof AgentJobStatusSchema>;

export const AgentJobSetupResponseSchema = z.object({ job: AgentJobStatusSchema, channel: AgentChannelGrantSchema.nullable() });
export type AgentJobSetupResponse = z.infer<typeof AgentJobSetupResponseSchema>;

export const AgentJobListResponseSchema = z.object({ jobs: z.array(AgentJobStatusSchema) });
export type AgentJobListResponse = z.infer<typeof AgentJobListResponseSchema>;

/** One change in the target queue, as listed by `GET /v1/jobs/:id/queue` and by a discard. */
export const AgentQueuedOpSummarySchema = z.object({
  seq: z.number().int().positive(),
  kind: z.string(),
  path: z.string(),
  /** For a rename: where the entry came from. */
  fromPath: z.string().optional(),
  bytes: z.number().int().nonnegative(),
  capturedAt: AgentTimestampSchema,
});
export type AgentQueuedOpSummary = z.infer<typeof AgentQueuedOpSummarySchema>;

export const AgentQueueListingSchema = z.object({
  queue: AgentTargetQueueStatusSchema,
  ops: z.array(AgentQueuedOpSummarySchema),
  isTruncated: z.boolean(),
});
export type AgentQueueListing = z.infer<typeof AgentQueueListingSchema>;
