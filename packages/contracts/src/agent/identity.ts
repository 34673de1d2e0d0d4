import { z } from 'zod';
import { AdapterNameSchema, LicenseKeySchema, ServerNameSchema, ServerServiceSchema, ServerServiceStateSchema } from '../servers.ts';
import { AgentTimestampSchema } from './common.ts';

/** A network adapter of a machine, known to operators by its friendly name. */
export const AgentNetworkAdapterSchema = z.object({
  friendlyName: AdapterNameSchema,
  addresses: z.array(z.string().min(1)),
  isUp: z.boolean(),
  /** The production adapter: Reverse needs it up on the original source machine. */
  isProduction: z.boolean(),
});
export type AgentNetworkAdapter = z.infer<typeof AgentNetworkAdapterSchema>;

/** One definition of a service: what the agent reports is what the console stores (`ServerDetail.services`). */
export const AgentServiceStateSchema = ServerServiceStateSchema;
export type AgentServiceState = z.infer<typeof AgentServiceStateSchema>;

/** A service of the modelled host. Non-critical services are stopped right before a Full Server failover. */
export const AgentServiceSchema = ServerServiceSchema;
export type AgentService = z.infer<typeof AgentServiceSchema>;

/**
 * A server identity: what clients and the domain know (name, addresses, system state).
 * A machine holds one identity at a time; after a live Full Server failover the target machine
 * holds the source identity and the target identity no longer exists anywhere.
 */
export const AgentServerIdentitySchema = z.object({
  name: ServerNameSchema,
  addresses: z.array(z.string().min(1)),
  isDomainController: z.boolean(),
  hasNameSpecificApplication: z.boolean(),
  /** The services that belong to this identity's system state. */
  services: z.array(AgentServiceSchema),
});
export type AgentServerIdentity = z.infer<typeof AgentServerIdentitySchema>;

export const AgentLicenseSchema = z.object({
  key: LicenseKeySchema.nullable(),
  isActivated: z.boolean(),
  /** Why the activation was lost, when it was (the spec's licensing note). */
  note: z.string().nullable(),
});
export type AgentLicense = z.infer<typeof AgentLicenseSchema>;

export const AgentPowerStateSchema = z.enum(['on', 'off', 'rebooting']);
export type AgentPowerState = z.infer<typeof AgentPowerStateSchema>;

/** `isolated`: a test failover machine keeps its own network, cut off from production. */
export const AgentNetworkStateSchema = z.enum(['connected', 'disconnected', 'isolated']);
export type AgentNetworkState = z.infer<typeof AgentNetworkStateSchema>;

export const AgentIdentityChangeSchema = z.object({
  at: AgentTimestampSchema,
  fromName: z.string(),
  toName: z.string(),
  reason: z.enum(['live-failover', 'reverse-restoring', 'provisioned']),
});
export type AgentIdentityChange = z.infer<typeof AgentIdentityChangeSchema>;

/** `GET /v1/info`: the machine, the identity it holds now, and what the console needs to manage it. */
export const AgentInfoSchema = z.object({
  protocolVersion: z.literal(1),
  agentVersion: z.string(),
  /** Stable for the life of the data directory; never changes with the identity. */
  machineId: z.string(),
  identity: AgentServerIdentitySchema,
  /** The identity this machine was provisioned with. */
  originalIdentity: AgentServerIdentitySchema,
  identityHistory: z.array(AgentIdentityChangeSchema),
  adapters: z.array(AgentNetworkAdapterSchema),
  isClustered: z.boolean(),
  license: AgentLicenseSchema,
  powerState: AgentPowerStateSchema,
  networkState: AgentNetworkStateSchema,
  rebootSeconds: z.number().nonnegative(),
  /** Files and Folders failovers this machine stands in for: it answers for the source's name and addresses. */
  standIns: z.array(z.object({ jobId: z.string(), name: z.string(), addresses: z.array(z.string()) })),
  startedAt: AgentTimestampSchema,
  isFaultInjectionEnabled: z.boolean(),
  jobs: z.array(z.object({ jobId: z.string(), role: z.enum(['source', 'target', 'test']), type: z.string() })),
});
export type AgentInfo = z.infer<typeof AgentInfoSchema>;

export const AgentHealthSchema = z.object({ status: z.literal('ok'), machineId: z.string() });
export type AgentHealth = z.infer<typeof AgentHealthSchema>;
