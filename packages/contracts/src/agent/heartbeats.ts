import { z } from 'zod';
import { AgentTimestampSchema } from './common.ts';
import { AgentNetworkStateSchema, AgentPowerStateSchema } from './identity.ts';
import { AgentJobStatusSchema, AgentMirrorProgressSchema, AgentTargetDataStateValueSchema } from './jobs.ts';

/** Sent every heartbeat interval on `GET /v1/heartbeats` (WebSocket): the failover monitor counts them. */
export const AgentHeartbeatMessageSchema = z.object({
  type: z.literal('heartbeat'),
  seq: z.number().int().positive(),
  sentAt: AgentTimestampSchema,
  machineId: z.string(),
  identityName: z.string(),
  powerState: AgentPowerStateSchema,
  networkState: AgentNetworkStateSchema,
  jobs: z.array(AgentJobStatusSchema),
});
export type AgentHeartbeatMessage = z.infer<typeof AgentHeartbeatMessageSchema>;

export const AgentEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path-refused'), jobId: z.string(), path: z.string(), reason: z.string() }),
  z.object({
    kind: z.literal('data-state-changed'),
    jobId: z.string(),
    from: AgentTargetDataStateValueSchema,
    to: AgentTargetDataStateValueSchema,
    reason: z.string().nullable(),
    snapshotId: z.string().nullable(),
  }),
  z.object({ kind: z.literal('mirror-finished'), jobId: z.string(), progress: AgentMirrorProgressSchema }),
  z.object({ kind: z.literal('step-finished'), stepId: z.string(), command: z.string(), status: z.string() }),
  z.object({ kind: z.literal('identity-changed'), fromName: z.string(), toName: z.string() }),
]);
export type AgentEvent = z.infer<typeof AgentEventSchema>;

/** Sent as things happen, between heartbeats. */
export const AgentEventMessageSchema = z.object({
  type: z.literal('event'),
  seq: z.number().int().positive(),
  at: AgentTimestampSchema,
  event: AgentEventSchema,
});
export type AgentEventMessage = z.infer<typeof AgentEventMessageSchema>;

export const AgentStreamMessageSchema = z.discriminatedUnion('type', [AgentHeartbeatMessageSchema, AgentEventMessageSchema]);
export type AgentStreamMessage = z.infer<typeof AgentStreamMessageSchema>;
