import { z } from 'zod';
import { AgentServiceSchema, LicenseKeySchema } from '@syncsafe/contracts';

const AdapterConfigSchema = z.object({
  friendlyName: z.string().min(1),
  addresses: z.array(z.string().min(1)).default([]),
  isProduction: z.boolean().default(false),
});

/** Everything an agent starts from; a config file and the command line both produce this. */
export const AgentConfigSchema = z.object({
  name: z.string().trim().min(1, 'name is required (--name)').max(128),
  port: z.number().int().min(0).max(65535).default(6320),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1, 'data directory is required (--data)'),
  username: z.string().min(1).max(128).optional(),
  password: z.string().min(1).max(256).optional(),
  isFaultInjectionEnabled: z.boolean().default(false),
  addresses: z.array(z.string().min(1)).default([]),
  adapters: z.array(AdapterConfigSchema).default([]),
  services: z.array(AgentServiceSchema).optional(),
  isClustered: z.boolean().default(false),
  isDomainController: z.boolean().default(false),
  hasNameSpecificApplication: z.boolean().default(false),
  licenseKey: LicenseKeySchema.optional(),
  rebootSeconds: z.number().min(0).max(3600).default(5),
  heartbeatMs: z.number().int().min(50).max(60_000).default(1000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;
export type AgentConfigInput = z.input<typeof AgentConfigSchema>;
