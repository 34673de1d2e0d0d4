import { z } from 'zod';

export const JobTypeSchema = z.enum(['files-and-folders', 'full-server']);
export type JobType = z.infer<typeof JobTypeSchema>;

/** A job's lifecycle state, in the product's words (labels in labels.ts). */
export const JobStateSchema = z.enum([
  'protecting',
  'failover-condition-met',
  'failing-over',
  'failed-over',
  'test-failing-over',
  'test-failed-over',
  'undoing-test',
  'restoring',
  'restored',
  'failing-back',
  'failed-back',
  'reversing',
  'starting',
  'stopping',
  'stopped',
  'error',
]);
export type JobState = z.infer<typeof JobStateSchema>;


/** What a protecting job is doing (Double-Take's Mirror / Replication status). */
export const JobActivitySchema = z.enum(['mirroring', 'replicating', 'paused', 'retrying', 'idle']);
export type JobActivity = z.infer<typeof JobActivitySchema>;

/** Phases of Reverse, shown as they happen. */
export const ReversePhaseSchema = z.enum(['restoring', 'synchronizing', 'rebooting']);
export type ReversePhase = z.infer<typeof ReversePhaseSchema>;

export const TargetDataStateSchema = z.enum(['good', 'bad', 'unknown']);
export type TargetDataState = z.infer<typeof TargetDataStateSchema>;

/** Why the target data state is bad, as the target's agent says. */
export const BadDataReasonSchema = z.enum(['mirror-in-progress', 'apply-interrupted', 'apply-failed', 'verification-failed', 'marked-bad']);
export type BadDataReason = z.infer<typeof BadDataReasonSchema>;

/** The source's mirror (Double-Take's Mirror Status). */
export const MirrorStatusSchema = z.enum(['idle', 'mirroring', 'completed', 'stopped', 'failed']);
export type MirrorStatus = z.infer<typeof MirrorStatusSchema>;

/** Double-Take's Target Status words, in our spelling. */
export const TargetStatusSchema = z.enum([
  'online',
  'mirroring',
  'replicating',
  'paused',
  'snapshot-reverted',
  'restore-required',
  'failed-over',
  'stopped',
]);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/** Every command of the Jobs page toolbar. */
export const JobCommandSchema = z.enum([
  'failover',
  'undo-failover',
  'restore',
  'failback',
  'reverse',
  'start',
  'stop',
  'take-snapshot',
  'edit',
  'delete',
]);
export type JobCommand = z.infer<typeof JobCommandSchema>;


export const FailoverTypeSchema = z.enum(['live', 'test', 'snapshot']);
export type FailoverType = z.infer<typeof FailoverTypeSchema>;

/** Target queue handling: Apply, Discard, or (Full Server) Revert to last good snapshot if target data state is bad. */
export const QueueChoiceSchema = z.enum(['apply', 'discard', 'revert-if-bad']);
export type QueueChoice = z.infer<typeof QueueChoiceSchema>;

export const SnapshotTypeSchema = z.enum(['scheduled', 'deferred', 'manual', 'automatic']);
export type SnapshotType = z.infer<typeof SnapshotTypeSchema>;

export const OperationKindSchema = z.enum([
  'failover',
  'test-failover',
  'undo-failover',
  'restore',
  'failback',
  'reverse',
  'start',
  'stop',
  'take-snapshot',
]);
export type OperationKind = z.infer<typeof OperationKindSchema>;

/** Which machine of a job a step runs on. `restore-destination` is the server chosen in the Restore dialog. */
export const MachineRoleSchema = z.enum(['source', 'target', 'test', 'restore-destination']);
export type MachineRole = z.infer<typeof MachineRoleSchema>;

export const WarningSeveritySchema = z.enum(['info', 'warning', 'danger']);

/** A consequence shown before the click; `appliesTo` names the option it concerns. */
export const ActionWarningSchema = z.object({
  code: z.enum([
    'license-loss',
    'license-activation',
    'nlb',
    'services-cannot-stop',
    'software-devices',
    'reboot-prompt',
    'driver-signing',
    'shares-not-restored',
    'do-not-restore-loses-changes',
    'discard-loses-queue',
    'revert-loses-data',
    'test-undone-first',
    'target-identity-gone',
    'test-isolated-network',
    'files-must-be-closed',
    'adapter-names-must-match',
    'snapshots-deferred-during-test',
    'original-machine-state',
    'reverse-address-conflict',
    'job-may-not-be-visible',
  ]),
  severity: WarningSeveritySchema,
  message: z.string(),
  appliesTo: z.object({ option: z.string(), value: z.string().optional() }).optional(),
});
export type ActionWarning = z.infer<typeof ActionWarningSchema>;
