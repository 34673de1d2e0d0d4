import { z } from 'zod';
import { AgentAbsolutePathSchema, AgentJobIdSchema, AgentTimestampSchema } from './common.ts';
import { AgentServerIdentitySchema } from './identity.ts';
import {
  AgentAdapterMappingSchema,
  AgentChannelEndpointSchema,
  AgentChannelGrantSchema,
  AgentMirrorModeSchema,
  AgentMirrorProgressSchema,
  AgentProtectedDirectoriesSchema,
  AgentProtectionStateSchema,
  AgentShareSchema,
  AgentTargetDataStateSchema,
  AgentTargetQueueStatusSchema,
} from './jobs.ts';
import { AgentSnapshotSchema, AgentSnapshotTypeSchema } from './snapshots.ts';
import {
  AgentApplyReportSchema,
  AgentDiscardReportSchema,
  AgentFilesFailoverReportSchema,
  AgentFullServerFailoverReportSchema,
  AgentRestoreReportSchema,
  AgentServiceStopReportSchema,
} from './step-reports.ts';

const jobStep = { jobId: AgentJobIdSchema };
const RebootSecondsSchema = z.number().min(0).max(3600);

/**
 * Every step the console can order, by `command`. `POST /v1/steps/:stepId` runs one; a repeated
 * step id returns the first result, even across agent restarts.
 */
export const AgentStepCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('start-protection'), ...jobStep }),
  z.object({ command: z.literal('stop-protection'), ...jobStep }),
  z.object({ command: z.literal('mirror'), ...jobStep, mode: AgentMirrorModeSchema.default('differences') }),
  /** Source: reconcile with the disk and send every pending change; done when the target holds it. */
  z.object({ command: z.literal('flush-changes'), ...jobStep }),
  z.object({ command: z.literal('set-apply'), ...jobStep, isPaused: z.boolean() }),
  z.object({ command: z.literal('apply-queue'), ...jobStep }),
  z.object({ command: z.literal('discard-queue'), ...jobStep }),
  z.object({ command: z.literal('take-snapshot'), ...jobStep, type: AgentSnapshotTypeSchema.default('manual') }),
  z.object({ command: z.literal('delete-snapshot'), ...jobStep, snapshotId: z.string().min(1) }),
  z.object({ command: z.literal('revert-snapshot'), ...jobStep, snapshotId: z.string().min(1) }),
  z.object({
    command: z.literal('failover-files'),
    ...jobStep,
    queue: z.enum(['apply', 'discard']),
    shares: z.array(AgentShareSchema).max(256).default([]),
  }),
  z.object({ command: z.literal('failback'), ...jobStep }),
  /** On the restore destination: open a channel for the job's directories (they may live on a new server). */
  z.object({ command: z.literal('prepare-restore'), ...jobStep, directories: AgentProtectedDirectoriesSchema }),
  /** On the target: copy back only what differs (content hashes) to the destination channel. */
  z.object({
    command: z.literal('restore'),
    ...jobStep,
    destination: AgentChannelEndpointSchema,
    removeOrphans: z.boolean().default(false),
  }),
  z.object({ command: z.literal('shut-down'), reason: z.string().max(500).default('live failover') }),
  z.object({ command: z.literal('stop-services'), keepRunning: z.array(z.string()).default([]) }),
  z.object({
    command: z.literal('failover-full-server'),
    ...jobStep,
    mode: z.enum(['live', 'snapshot']),
    queue: z.enum(['apply', 'discard', 'revert-if-bad']),
    snapshotId: z.string().min(1).optional(),
    hasReverseProtection: z.boolean(),
    keepRunning: z.array(z.string()).default([]),
    rebootSeconds: RebootSecondsSchema.optional(),
  }),
  z.object({
    command: z.literal('start-test-failover'),
    ...jobStep,
    testMachine: AgentChannelEndpointSchema,
    snapshotId: z.string().min(1).optional(),
  }),
  z.object({
    command: z.literal('prepare-test-failover'),
    ...jobStep,
    adapterMapping: AgentAdapterMappingSchema,
    replicaPath: AgentAbsolutePathSchema.refine((p) => p !== '/', { message: 'The test replica path cannot be /' }),
  }),
  z.object({ command: z.literal('complete-test-failover'), ...jobStep, rebootSeconds: RebootSecondsSchema.optional() }),
  z.object({ command: z.literal('undo-failover'), ...jobStep }),
  /** Reverse, phase Restoring: give this (original source) machine the given identity. */
  z.object({
    command: z.literal('restore-identity'),
    identity: AgentServerIdentitySchema,
    productionAdapter: z.string().min(1),
  }),
  z.object({ command: z.literal('reboot'), rebootSeconds: RebootSecondsSchema.optional() }),
]);
export type AgentStepCommand = z.infer<typeof AgentStepCommandSchema>;
export type AgentStepCommandInput = z.input<typeof AgentStepCommandSchema>;
export type AgentStepCommandName = AgentStepCommand['command'];

const ProtectionReportSchema = z.object({ protection: AgentProtectionStateSchema });

/** The result each command answers with when it succeeds. */
export const AgentStepResultSchemas = {
  'start-protection': ProtectionReportSchema,
  'stop-protection': ProtectionReportSchema,
  mirror: AgentMirrorProgressSchema,
  'flush-changes': z.object({ ackedSeq: z.number().int().nonnegative(), sentOps: z.number().int().nonnegative() }),
  'set-apply': AgentTargetQueueStatusSchema,
  'apply-queue': AgentApplyReportSchema,
  'discard-queue': AgentDiscardReportSchema,
  'take-snapshot': AgentSnapshotSchema,
  'delete-snapshot': z.object({ snapshotId: z.string(), isDeleted: z.boolean() }),
  'revert-snapshot': z.object({ snapshot: AgentSnapshotSchema, dataState: AgentTargetDataStateSchema }),
  'failover-files': AgentFilesFailoverReportSchema,
  failback: z.object({ removedAddresses: z.array(z.string()), removedShares: z.array(AgentShareSchema) }),
  'prepare-restore': z.object({ channel: AgentChannelGrantSchema, openFiles: z.array(z.string()) }),
  restore: AgentRestoreReportSchema,
  'shut-down': z.object({ wasRunning: z.boolean() }),
  'stop-services': AgentServiceStopReportSchema,
  'failover-full-server': AgentFullServerFailoverReportSchema,
  'start-test-failover': z.object({
    snapshotId: z.string(),
    filesSent: z.number().int().nonnegative(),
    bytesSent: z.number().int().nonnegative(),
  }),
  'prepare-test-failover': z.object({ channel: AgentChannelGrantSchema }),
  'complete-test-failover': z.object({ identityName: z.string(), networkState: z.literal('isolated') }),
  'undo-failover': z.object({ removedEntries: z.number().int().nonnegative() }),
  'restore-identity': z.object({ previousIdentityName: z.string(), identityName: z.string() }),
  reboot: z.object({ rebootedAt: AgentTimestampSchema, rebootSeconds: z.number() }),
} satisfies Record<AgentStepCommandName, z.ZodType>;
export type AgentStepResultOf<C extends AgentStepCommandName> = z.infer<(typeof AgentStepResultSchemas)[C]>;

export const AgentStepStatusSchema = z.enum(['running', 'succeeded', 'failed', 'interrupted']);
export type AgentStepStatus = z.infer<typeof AgentStepStatusSchema>;

export const AgentStepErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.json().optional() });
export type AgentStepError = z.infer<typeof AgentStepErrorSchema>;

/** The durable record of one step: `POST` answers 200 with it when finished, 202 while running. */
export const AgentStepRecordSchema = z.object({
  stepId: z.string(),
  command: z.string(),
  status: AgentStepStatusSchema,
  attempts: z.number().int().positive(),
  startedAt: AgentTimestampSchema,
  finishedAt: AgentTimestampSchema.nullable(),
  result: z.json().nullable(),
  error: AgentStepErrorSchema.nullable(),
});
export type AgentStepRecord = z.infer<typeof AgentStepRecordSchema>;
