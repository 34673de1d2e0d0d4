import { z } from 'zod';
import {
  ActionWarningSchema,
  FailoverTypeSchema,
  JobCommandSchema,
  JobStateSchema,
  OperationKindSchema,
  QueueChoiceSchema,
  ReversePhaseSchema,
  SnapshotTypeSchema,
} from './jobs.ts';

/**
 * `GET /api/jobs/:id/actions`: every command of the Jobs page toolbar with whether it is allowed now and
 * why not, and the options each dialog offers now with the consequences attached to the option they
 * concern. Computed by `getAllowedActions` in @syncsafe/domain, the same rules `decide` applies.
 */

/** Whether a command (or one option of it) can be chosen now; `reason` says why not, in the product's words. */
export const AvailabilitySchema = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
export type Availability = z.infer<typeof AvailabilitySchema>;

const availability = AvailabilitySchema.shape;
const warnings = z.array(ActionWarningSchema);

export const FailoverTypeOptionSchema = z.object({
  type: FailoverTypeSchema,
  /** "Failover To Live Data", "Perform Test Failover", "Failover To A Snapshot". */
  label: z.string(),
  description: z.string(),
  ...availability,
  warnings,
});
export type FailoverTypeOption = z.infer<typeof FailoverTypeOptionSchema>;

/** What a target-queue choice means now: how much is queued, how long applying it may take, what Discard loses. */
export const QueueOptionSchema = z.object({
  choice: QueueChoiceSchema,
  label: z.string(),
  description: z.string(),
  /** The failover types this choice can be combined with. */
  types: z.array(FailoverTypeSchema),
  ...availability,
  queuedBytes: z.number().nonnegative(),
  queuedOps: z.number().int().nonnegative(),
  /** Apply: queued bytes over the target's measured apply rate; null when no rate is known. */
  estimatedApplySeconds: z.number().nonnegative().nullable(),
  /** What this choice would drop if chosen now (Discard: the whole queue); null when nothing is dropped for sure. */
  losesBytes: z.number().nonnegative().nullable(),
  losesOps: z.number().int().nonnegative().nullable(),
  /** Revert if bad: the last good snapshot the target would revert to if its data state is bad. */
  revertTo: z.object({ snapshotId: z.string(), takenAt: z.string() }).nullable(),
  warnings,
});
export type QueueOption = z.infer<typeof QueueOptionSchema>;

export const LeaveSourceLabelSchema = z.enum(['Leave source services running', 'Leave source cluster resources online']);

/** The last failover option; its label follows the source's clustered flag. */
export const LeaveSourceOptionSchema = z.object({
  label: LeaveSourceLabelSchema,
  description: z.string(),
  /** Live and snapshot failover only: it does not apply to test failover. */
  types: z.array(FailoverTypeSchema),
  /** The services named in the job's failover options. */
  services: z.array(z.string()),
  ...availability,
});
export type LeaveSourceOption = z.infer<typeof LeaveSourceOptionSchema>;

export const SnapshotChoiceSchema = z.object({
  snapshotId: z.string(),
  type: SnapshotTypeSchema,
  /** Scheduled / Deferred / Manual (/ Automatic, taken when the target data state turned bad). */
  typeLabel: z.string(),
  typeDescription: z.string(),
  takenAt: z.string(),
  isGood: z.boolean(),
  isTestSnapshot: z.boolean(),
});
export type SnapshotChoice = z.infer<typeof SnapshotChoiceSchema>;

export const FailoverActionOptionsSchema = z.object({
  types: z.array(FailoverTypeOptionSchema),
  queue: z.array(QueueOptionSchema),
  leaveSource: LeaveSourceOptionSchema,
  /** Failover To A Snapshot: the snapshots on the target, newest first. */
  snapshots: z.array(SnapshotChoiceSchema),
});
export type FailoverActionOptions = z.infer<typeof FailoverActionOptionsSchema>;

/** The two orders of going back to the source (Files and Folders). */
export const ReturnOrderSchema = z.enum(['restore-then-failback', 'failback-then-restore']);
export type ReturnOrder = z.infer<typeof ReturnOrderSchema>;

export const ChecklistStageSchema = z.enum(['before-restore', 'before-failback', 'after-failback', 'after-restore']);

/** What the console checks itself for a checklist item (the operator still ticks the rest). */
export const ChecklistVerificationSchema = z.enum(['destination-reachable', 'files-closed']);

export const ChecklistItemSchema = z.object({
  id: z.string(),
  text: z.string(),
  stage: ChecklistStageSchema,
  /** The console or the agent can verify this one (e.g. the restore refuses while files are open). */
  verification: ChecklistVerificationSchema.nullable(),
  /** The spec lets this step be skipped in some setups; `skipWhen` says which. */
  skipWhen: z.string().nullable(),
  /** True when the job's servers match `skipWhen` (e.g. the source was added by a public NAT address). */
  mayBeSkipped: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistSchema = z.object({
  order: ReturnOrderSchema,
  title: z.string(),
  description: z.string(),
  /** The order the job is following now (failed over → either; restored → restore then failback; failed back → failback then restore). */
  isCurrent: z.boolean(),
  items: z.array(ChecklistItemSchema),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const RestoreDataOptionSchema = z.object({
  restoreData: z.boolean(),
  /** "Restore Data" / "Do Not Restore Data". */
  label: z.string(),
  description: z.string(),
  ...availability,
  warnings,
});

export const RestoreActionOptionsSchema = z.object({
  choices: z.array(RestoreDataOptionSchema),
  destination: z.object({
    /** The job's source, chosen by default in the server list. */
    defaultServerId: z.string(),
    defaultServerName: z.string(),
    defaultPort: z.number().int(),
    /** A server behind a public NAT address may use another port than its default communication port. */
    canOverridePort: z.boolean(),
    portHint: z.string(),
  }),
  checklists: z.array(ChecklistSchema),
});
export type RestoreActionOptions = z.infer<typeof RestoreActionOptionsSchema>;

export const FailbackActionOptionsSchema = z.object({
  description: z.string(),
  checklists: z.array(ChecklistSchema),
  warnings,
});
export type FailbackActionOptions = z.infer<typeof FailbackActionOptionsSchema>;

export const UndoFailoverActionOptionsSchema = z.object({
  description: z.string(),
  /** The snapshot taken for the test failover, if known. */
  testSnapshot: z.object({ snapshotId: z.string(), takenAt: z.string() }).nullable(),
  /** What undo does with it, per the job's test failover settings. */
  testSnapshotOutcome: z.enum(['kept', 'deleted']),
});
export type UndoFailoverActionOptions = z.infer<typeof UndoFailoverActionOptionsSchema>;

export const ReverseActionOptionsSchema = z.object({
  description: z.string(),
  preconditions: z.array(z.object({ id: z.string(), text: z.string(), isMet: z.boolean() })),
  phases: z.array(z.object({ phase: ReversePhaseSchema, label: z.string(), description: z.string() })),
  /** Which machine will hold which identity once Reverse is done. */
  outcome: z.string(),
  warnings,
});
export type ReverseActionOptions = z.infer<typeof ReverseActionOptionsSchema>;

export const ManualReversalPathSchema = z.object({
  id: z.enum(['keep-running', 'new-server', 'reuse-original']),
  title: z.string(),
  description: z.string(),
  ...availability,
  steps: z.array(z.object({ id: z.string(), text: z.string() })),
});

/** Full Server, failed over: going back without Reverse (no reverse protection, a domain controller, a rebuilt source). */
export const ManualReversalGuideSchema = z.object({
  /** Reverse is not possible now, so this is the way back. */
  isRequired: z.boolean(),
  reasons: z.array(z.string()),
  description: z.string(),
  paths: z.array(ManualReversalPathSchema),
});
export type ManualReversalGuide = z.infer<typeof ManualReversalGuideSchema>;

/** Fields of `PATCH /api/jobs/:id` (UpdateJobRequestSchema) an edit may change in the job's state. */
export const EditableJobFieldSchema = z.enum(['name', 'sourceServerId', 'targetServerId', 'directories', 'replicaRoot', 'options']);
export type EditableJobField = z.infer<typeof EditableJobFieldSchema>;

export const JobActionsSchema = z.object({
  state: JobStateSchema,
  stateLabel: z.string(),
  /** The operation running now; while one runs, every command is refused. */
  activeOperation: OperationKindSchema.nullable(),
  /** Every command of the toolbar: allowed now, or the reason not. */
  commands: z.record(JobCommandSchema, AvailabilitySchema),
  /** The allowed commands, in toolbar order (what a 409 lists). */
  allowedCommands: z.array(JobCommandSchema),
  failover: FailoverActionOptionsSchema,
  restore: RestoreActionOptionsSchema.nullable(),
  failback: FailbackActionOptionsSchema.nullable(),
  undoFailover: UndoFailoverActionOptionsSchema.nullable(),
  reverse: ReverseActionOptionsSchema.nullable(),
  manualReversal: ManualReversalGuideSchema.nullable(),
  edit: z.object({ fields: z.array(EditableJobFieldSchema) }),
});
export type JobActions = z.infer<typeof JobActionsSchema>;
