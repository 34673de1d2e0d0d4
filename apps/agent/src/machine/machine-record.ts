import { z } from 'zod';
import {
  AgentIdentityChangeSchema,
  AgentLicenseSchema,
  AgentNetworkAdapterSchema,
  AgentServerIdentitySchema,
} from '@syncsafe/contracts';

/** The modelled host as persisted in `machine.json`: it changes only through failover, reverse and faults. */
export const MachineRecordSchema = z.object({
  machineId: z.string(),
  identity: AgentServerIdentitySchema,
  originalIdentity: AgentServerIdentitySchema,
  identityHistory: z.array(AgentIdentityChangeSchema),
  adapters: z.array(AgentNetworkAdapterSchema),
  isClustered: z.boolean(),
  license: AgentLicenseSchema,
  rebootSeconds: z.number().nonnegative(),
  isNetworkIsolated: z.boolean(),
  standIns: z.array(z.object({ jobId: z.string(), name: z.string(), addresses: z.array(z.string()) })),
});
export type MachineRecord = z.infer<typeof MachineRecordSchema>;
