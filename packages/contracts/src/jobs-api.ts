import { z } from 'zod';
import {
  BadDataReasonSchema,
  FailoverTypeSchema,
  JobActivitySchema,
  JobStateSchema,
  JobTypeSchema,
  MachineRoleSchema,
  MirrorStatusSchema,
  OperationKindSchema,
  QueueChoiceSchema,
  ReversePhaseSchema,
  SnapshotTypeSchema,
  TargetDataStateSchema,
  TargetStatusSchema,
  type JobCommand,
} from './jobs.ts';
import { ActionWarningSchema } from './jobs.ts';
import { JobCommandInputSchema } from './job-input.ts';
import { AdapterNameSchema, PortSchema, ServerStatusSchema } from './servers.ts';

const AbsolutePathSchema = z
  .string()
  .trim()
  .min(1, 'Path is required')
  .max(1024, 'Path is at most 1024 characters')
  .regex(/^\//, 'Path must be absolute (start with /)')
  .refine((p) => !p.split('/').some((s) => s === '..' || s === '.'), { message: 'Path must not contain . or .. segments' });

export const ServiceNameSchema = z.string().trim().min(1, 'Service name is required').max(256);

/** Job options, as set in the Create / Edit job wizard. */
export const JobOptionsSchema = z.object({
  /** Wait for user before failover: when the condition is met, notify instead of failing over. */
  waitForUser: z.boolean().default(true),
  monitoring: z
    .object({
      isEnabled: z.boolean().default(true),
      /** Failover condition: this many heartbeats missed in a row… */
      missedHeartbeats: z.number().int().min(1, 'At least 1 missed heartbeat').max(100).default(5),
      /** …at this interval (the window is their product). */
      heartbeatIntervalSeconds: z.number().int().min(1).max(300).default(5),
    })
    .default({ isEnabled: true, missedHeartbeats: 5, heartbeatIntervalSeconds: 5 }),
  /** Services on the source stopped at failover unless "Leave source services running" is chosen. */
  services: z.array(ServiceNameSchema).max(64).default([]),
  /** Full Server: Reverse protection (automatic reverse configuration). */
  hasReverseProtection: z.boolean().default(false),
  /**
   * Full Server: where the original source machine keeps the replica while protection runs in reverse
   * (default: the replica root's path + "-reverse").
   */
  reverseReplicaRoot: AbsolutePathSchema.nullable().default(null),
  /** Full Server: production adapter of the source, which must be up for Reverse. */
  productionAdapter: AdapterNameSchema.optional(),
  /** Full Server: live failover adapter mapping, source friendly name → target friendly name. */
  adapterMapping: z.array(z.object({ source: AdapterNameSchema, target: AdapterNameSchema })).max(32).default([]),
  /** Full Server: test failover settings. */
  testFailover: z
    .object({
      testServerId: z.uuid('testServerId must be a server id').nullable().default(null),
      keepSnapshotOnUndo: z.boolean().default(false),
      /** Where the test machine puts the snapshot's data (default: the replica root's path + "-test-failover"). */
      replicaPath: AbsolutePathSchema.nullable().default(null),
    })
    .default({ testServerId: null, keepSnapshotOnUndo: false, replicaPath: null }),
  snapshotSchedule: z
    .object({
      isEnabled: z.boolean().default(false),
      intervalMinutes: z.number().int().min(1, 'At least every minute').max(10_080).default(60),
      /** How many scheduled snapshots to keep. */
      keep: z.number().int().min(1).max(100).default(10),
    })
    .default({ isEnabled: false, intervalMinutes: 60, keep: 10 }),
  /** Files and Folders: source IP addresses the target takes over at failover. */
  failoverAddresses: z.array(z.string().trim().min(1).max(64)).max(32).default([]),
  /** Files and Folders: shares created on the target at failover (not re-created on the source by a restore). */
  shares: z.array(z.object({ name: z.string().trim().min(1).max(80), path: AbsolutePathSchema })).max(64).default([]),
  /** Full Server: how long a modelled reboot takes. */
  rebootSeconds: z.number().min(0).max(3600).default(5),
});
export type JobOptions = z.output<typeof JobOptionsSchema>;
export type JobOptionsInput = z.input<typeof JobOptionsSchema>;

/** The same options without defaults, for an edit that changes only some of them. */
export const JobOptionsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(JobOptionsSchema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()]),
  ),
) as unknown as z.ZodType<Partial<JobOptions>, Partial<JobOptionsInput>>;

export const JobNameSchema = z.string().trim().min(1, 'Name is required').max(128, 'Name is at most 128 characters');

const jobBase = {
  name: JobNameSchema,
  sourceServerId: z.uuid('sourceServerId must be a server id'),
  targetServerId: z.uuid('targetServerId must be a server id'),
  options: JobOptionsSchema.default(JobOptionsSchema.parse({})),
};

export const DirectoriesSchema = z
  .array(AbsolutePathSchema)
  .min(1, 'At least one directory is required')
  .max(64)
  .refine((dirs) => dirs.every((a, i) => dirs.every((b, j) => i === j || (a !== b && !b.startsWith(`${a.replace(/\/$/, '')}/`)))), {
    message: 'Directories must be distinct and not nested in one another',
  });

/**
 * Files and Folders: the replication set (directories on the source) and where the target keeps the
 * replica. Full Server: the server's volumes as the agent models them, replicated whole.
 */
export const CreateJobRequestSchema = z
  .object({
    type: JobTypeSchema,
    ...jobBase,
    directories: DirectoriesSchema,
    replicaRoot: AbsolutePathSchema.refine((p) => p !== '/', { message: 'The replica root cannot be /' }),
  })
  .refine((j) => j.sourceServerId !== j.targetServerId, { message: 'Source and target must be different servers', path: ['targetServerId'] });
export type CreateJobRequest = z.input<typeof CreateJobRequestSchema>;

export const UpdateJobRequestSchema = z
  .object({
    name: JobNameSchema.optional(),
    /** Changing the source or target is allowed while the job is stopped (e.g. after a restore to a new source). */
    sourceServerId: z.uuid().optional(),
    targetServerId: z.uuid().optional(),
    directories: DirectoriesSchema.optional(),
    replicaRoot: AbsolutePathSchema.optional(),
    /** Only the options sent change (unsent ones keep their current values, not the defaults). */
    options: JobOptionsPatchSchema.optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'expectedVersion'), { message: 'Give at least one field to change' });
export type UpdateJobRequest = z.input<typeof UpdateJobRequestSchema>;

const ExpectedVersion = { expectedVersion: z.number().int().min(1, 'expectedVersion is a job version (from 1)').optional() };

export const FailoverRequestSchema = z
  .object({
    type: FailoverTypeSchema,
    queue: QueueChoiceSchema,
    snapshotId: z.uuid('snapshotId must be a snapshot id').optional(),
    /** "Leave source services running" (standalone) / "Leave source cluster resources online" (clustered). */
    leaveSourceRunning: z.boolean().default(false),
    ...ExpectedVersion,
  })
  .refine((f) => f.type !== 'snapshot' || f.snapshotId, { message: 'Choose the snapshot to fail over to', path: ['snapshotId'] });
export type FailoverRequest = z.input<typeof FailoverRequestSchema>;

export const RestoreRequestSchema = z.object({
  /** Restore Data, or Do Not Restore Data (changes made on the target during failover are lost). */
  restoreData: z.boolean(),
  /** The server to restore to; the job's source by default. */
  serverId: z.uuid('serverId must be a server id').optional(),
  /** Override the communication port (public NAT). */
  port: PortSchema.optional(),
  ...ExpectedVersion,
});
export type RestoreRequest = z.input<typeof RestoreRequestSchema>;

/** Commands without options: the body is optional (none, null or {}), or carries `expectedVersion`. */
export const CommandRequestSchema = z
  .object(ExpectedVersion)
  .nullish()
  .transform((body) => body ?? {});
export type CommandRequest = z.input<typeof CommandRequestSchema>;

/**
 * The toolbar commands that start an operation, each with the body it posts: `POST /api/jobs/:id/<path>`
 * (see `jobCommandPath`). A command's options are its body less `expectedVersion`.
 */
export const JobCommandRequestSchemas = {
  failover: FailoverRequestSchema,
  restore: RestoreRequestSchema,
  'undo-failover': CommandRequestSchema,
  failback: CommandRequestSchema,
  reverse: CommandRequestSchema,
  start: CommandRequestSchema,
  stop: CommandRequestSchema,
  'take-snapshot': CommandRequestSchema,
} as const satisfies Partial<Record<JobCommand, z.ZodType>>;
export type OperationCommand = keyof typeof JobCommandRequestSchemas;
export type JobCommandRequest<C extends OperationCommand> = NonNullable<z.input<(typeof JobCommandRequestSchemas)[C]>>;
/** What a command's dialog chooses: its request without the version the console saw. */
export type JobCommandOptions<C extends OperationCommand> = Omit<JobCommandRequest<C>, 'expectedVersion'>;

/** Take Snapshot is `POST …/snapshots`; every other command posts to its own name. */
export const jobCommandPath = (command: OperationCommand): string => (command === 'take-snapshot' ? 'snapshots' : command);

export const JobListQuerySchema = z.object({
  q: z.string().trim().max(128).optional(),
  type: JobTypeSchema.optional(),
  state: z.union([JobStateSchema, z.array(JobStateSchema)]).optional(),
  serverId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(300).optional(),
});
export type JobListQuery = z.infer<typeof JobListQuerySchema>;

const ServerRefSchema = z.object({ id: z.uuid(), name: z.string(), address: z.string(), port: z.number().int() });

/** A job as the console shows it: which machine holds which identity, state, activity, progress. */
export const JobSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: JobTypeSchema,
  source: ServerRefSchema,
  target: ServerRefSchema,
  testServer: ServerRefSchema.nullable(),
  state: JobStateSchema,
  activity: JobActivitySchema.nullable(),
  reversePhase: ReversePhaseSchema.nullable(),
  targetDataState: TargetDataStateSchema,
  isReversed: z.boolean(),
  /** Which machine (server) runs each identity now; the target identity is null after a Full Server live failover. */
  identities: z.object({
    source: z.object({ name: z.string(), serverId: z.uuid().nullable() }),
    target: z.object({ name: z.string(), serverId: z.uuid() }).nullable(),
  }),
  directories: z.array(z.string()),
  replicaRoot: z.string().nullable(),
  options: JobOptionsSchema,
  mirror: z.object({ percent: z.number().nullable(), files: z.number().int(), bytes: z.number() }),
  queue: z.object({ bytes: z.number(), ops: z.number().int() }),
  lagMs: z.number().int().nullable(),
  /** The source's Mirror Status; null until the source's agent first reported the job. */
  mirrorStatus: MirrorStatusSchema.nullable(),
  /** What the source has sent (counted since its agent started) and what waits to be sent. */
  transmit: z.object({
    sentOps: z.number().int(),
    sentBytes: z.number(),
    /** Changes captured on the source and not yet sent. */
    pendingChanges: z.number().int(),
    /** Why the source's last transmit failed (it retries and re-mirrors); null when there is none. */
    lastError: z.string().nullable(),
  }),
  /** The target's Target Status; null until the target's agent first reported the job. */
  targetStatus: TargetStatusSchema.nullable(),
  /** Why the target data state is bad, and the agent's detail; both null while it is good. */
  targetDataStateReason: BadDataReasonSchema.nullable(),
  targetDataStateDetail: z.string().nullable(),
  lastSnapshotAt: z.iso.datetime().nullable(),
  conditionMetAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  activeOperationId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobListResponseSchema = z.object({ items: z.array(JobSchema), nextCursor: z.string().nullable(), total: z.number().int() });

export const StepStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped']);
export const OperationStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed']);
export type OperationStatus = z.infer<typeof OperationStatusSchema>;

export const OperationStepSchema = z.object({
  id: z.uuid(),
  index: z.number().int(),
  key: z.string(),
  machine: MachineRoleSchema,
  serverId: z.uuid().nullable(),
  command: z.string(),
  phase: ReversePhaseSchema.nullable(),
  isBestEffort: z.boolean(),
  /** What the step does, in the product's words. */
  description: z.string().nullable(),
  status: StepStatusSchema,
  attempts: z.number().int(),
  /** What the agent answered: JSON of the step command's result schema (`AgentStepResultSchemas[command]`). */
  result: z.json().nullable(),
  error: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type OperationStep = z.infer<typeof OperationStepSchema>;

export const OperationSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  kind: OperationKindSchema,
  status: OperationStatusSchema,
  /** The command's input as accepted. */
  input: JobCommandInputSchema,
  /** The consequences of that input shown before the click. */
  warnings: z.array(ActionWarningSchema),
  fromState: JobStateSchema,
  runningState: JobStateSchema,
  toState: JobStateSchema.nullable(),
  actorName: z.string(),
  error: z.string().nullable(),
  /** The reports kept from its steps, by step key (what a discard dropped, what a restore did not create…). */
  result: z.record(z.string(), z.json()).nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  steps: z.array(OperationStepSchema),
});
export type Operation = z.infer<typeof OperationSchema>;
export const OperationListResponseSchema = z.object({ items: z.array(OperationSchema) });

export const SnapshotSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  type: SnapshotTypeSchema,
  takenAt: z.iso.datetime(),
  isGood: z.boolean(),
  reason: z.string().nullable(),
  files: z.number().int(),
  bytes: z.number(),
  isTestSnapshot: z.boolean(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
export const SnapshotListResponseSchema = z.object({ items: z.array(SnapshotSchema) });

export const JobTransitionSchema = z.object({
  id: z.uuid(),
  fromState: JobStateSchema,
  toState: JobStateSchema.nullable(),
  trigger: z.string(),
  operationId: z.uuid().nullable(),
  actorName: z.string(),
  isValid: z.boolean(),
  error: z.string().nullable(),
  /** The command's input (null for events). */
  input: JobCommandInputSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type JobTransition = z.infer<typeof JobTransitionSchema>;
export const JobHistoryResponseSchema = z.object({ items: z.array(JobTransitionSchema) });

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  jobId: z.uuid().nullable(),
  message: z.string(),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationListResponseSchema = z.object({ items: z.array(NotificationSchema) });

/** A tick (or untick) of one of the spec's manual preparation steps; each is recorded in the audit trail. */
export const ChecklistTickRequestSchema = z.object({
  /** The checklist's order ("restore-then-failback" / "failback-then-restore"). */
  checklist: z.string().trim().min(1).max(64),
  itemId: z.string().trim().min(1, 'itemId is required').max(128),
  isChecked: z.boolean(),
});
export type ChecklistTickRequest = z.infer<typeof ChecklistTickRequestSchema>;

/** The latest tick of one step: what `GET /api/jobs/:id/checklist` lists and `checklist.updated` carries. */
export const ChecklistTickSchema = z.object({
  itemId: z.string(),
  checklist: z.string(),
  isChecked: z.boolean(),
  actorName: z.string(),
  at: z.iso.datetime(),
});
export type ChecklistTick = z.infer<typeof ChecklistTickSchema>;
export const ChecklistStateResponseSchema = z.object({ items: z.array(ChecklistTickSchema) });

export const RestoreReadinessQuerySchema = z.object({ serverId: z.uuid('serverId must be a UUID').optional() });

/**
 * `GET /api/jobs/:id/restore-readiness`: what the console can check itself before a Restore, asked of
 * the destination's agent now: is it reachable, and which files under the job's folders are open there.
 */
export const RestoreReadinessSchema = z.object({
  jobId: z.uuid(),
  destination: z.object({ serverId: z.uuid(), name: z.string(), status: ServerStatusSchema }),
  checkedAt: z.iso.datetime(),
  isReachable: z.boolean(),
  /** Why the agent could not be asked (unreachable, refused the credentials…); null when it answered. */
  problem: z.string().nullable(),
  /** Null when the agent could not be asked. */
  openFiles: z.array(z.string()).nullable(),
  isTruncated: z.boolean(),
});
export type RestoreReadiness = z.infer<typeof RestoreReadinessSchema>;
