import { z } from 'zod';
import { AgentJobIdSchema } from './common.ts';
import { AgentNetworkStateSchema, AgentPowerStateSchema } from './identity.ts';

/** `POST /v1/faults`, only on an agent started with `--faults` (tests and the demo). */
export const AgentFaultRequestSchema = z.discriminatedUnion('fault', [
  z.object({ fault: z.literal('power-off') }),
  z.object({ fault: z.literal('power-on') }),
  z.object({ fault: z.literal('network-disconnect') }),
  z.object({ fault: z.literal('network-reconnect') }),
  z.object({ fault: z.literal('pause-apply'), jobId: AgentJobIdSchema }),
  z.object({ fault: z.literal('resume-apply'), jobId: AgentJobIdSchema }),
  z.object({ fault: z.literal('mark-target-bad'), jobId: AgentJobIdSchema }),
  /** `null` removes the limit. Applies to everything this agent sends to other agents. */
  z.object({ fault: z.literal('limit-bandwidth'), bytesPerSecond: z.number().int().positive().nullable() }),
  z.object({ fault: z.literal('adapter-down'), friendlyName: z.string().min(1) }),
  z.object({ fault: z.literal('adapter-up'), friendlyName: z.string().min(1) }),
  /** The process dies at once (SIGKILL), as in a crash. */
  z.object({ fault: z.literal('crash') }),
]);
export type AgentFaultRequest = z.infer<typeof AgentFaultRequestSchema>;

export const AgentFaultStateSchema = z.object({
  powerState: AgentPowerStateSchema,
  networkState: AgentNetworkStateSchema,
  bandwidthLimitBytesPerSecond: z.number().int().positive().nullable(),
});
export type AgentFaultState = z.infer<typeof AgentFaultStateSchema>;
