import { z } from 'zod';
import {
  AgentNetworkAdapterSchema,
  AgentPathRefusalSchema,
  AgentServerIdentitySchema,
  AgentShareSchema,
  AgentStandInSchema,
  AgentTargetDataStateSchema,
} from '@syncsafe/contracts';

/** The durable part of a target job, in `jobs/<jobId>/target-state.json`. */
export const TargetStateSchema = z.object({
  channelId: z.string(),
  epoch: z.number().int().nonnegative(),
  isAccepting: z.boolean(),
  isApplyPaused: z.boolean(),
  dataState: AgentTargetDataStateSchema,
  refusals: z.array(AgentPathRefusalSchema),
  refusalsTotal: z.number().int().nonnegative(),
  sourceIdentity: AgentServerIdentitySchema.nullable(),
  sourceAdapters: z.array(AgentNetworkAdapterSchema),
  standIn: AgentStandInSchema.nullable(),
  shares: z.array(AgentShareSchema),
  failedOverAt: z.number().nullable(),
  hasCompletedMirror: z.boolean(),
  mirrorInProgress: z.string().nullable(),
  lastMirrorCompletedAt: z.number().nullable(),
  isReverted: z.boolean(),
});
export type TargetState = z.infer<typeof TargetStateSchema>;

export function createTargetState(channelId: string): TargetState {
  return {
    channelId,
    epoch: 1,
    isAccepting: true,
    isApplyPaused: false,
    dataState: { state: 'bad', reason: 'mirror-in-progress', detail: 'the initial mirror has not completed', since: Date.now() },
    refusals: [],
    refusalsTotal: 0,
    sourceIdentity: null,
    sourceAdapters: [],
    standIn: null,
    shares: [],
    failedOverAt: null,
    hasCompletedMirror: false,
    mirrorInProgress: null,
    lastMirrorCompletedAt: null,
    isReverted: false,
  };
}
