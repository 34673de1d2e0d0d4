import { z } from 'zod';

export const DEFAULT_AGENT_PORT = 6320;

export const AddressKindSchema = z.enum(['reserved', 'public_nat', 'private']);
export type AddressKind = z.infer<typeof AddressKindSchema>;

export const ServerStatusSchema = z.enum(['unknown', 'online', 'offline']);
export type ServerStatus = z.infer<typeof ServerStatusSchema>;

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();
const HOSTNAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/i;

/** IPv4, IPv6 (without brackets) or a DNS host name. */
export const ServerAddressSchema = z
  .string()
  .trim()
  .min(1, 'Address is required')
  .max(253, 'Address is at most 253 characters')
  .refine((a) => IPV4.safeParse(a).success || IPV6.safeParse(a).success || (HOSTNAME.test(a) && !/^[0-9.]+$/.test(a)), {
    message: 'Address must be an IPv4 address, an IPv6 address or a host name',
  });

export const PortSchema = z
  .number({ error: 'Port must be a number' })
  .int('Port must be a whole number')
  .min(1, 'Port must be between 1 and 65535')
  .max(65535, 'Port must be between 1 and 65535');

export const AdapterNameSchema = z.string().trim().min(1, 'Adapter name is required').max(256);

export const LicenseKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'License key is required')
  .max(64, 'License key is at most 64 characters')
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'License key contains letters and digits in dash-separated groups');

export const ServerNameSchema = z.string().trim().min(1, 'Name is required').max(128, 'Name is at most 128 characters');

const serverFields = {
  name: ServerNameSchema,
  address: ServerAddressSchema,
  addressKind: AddressKindSchema,
  port: PortSchema,
  username: z.string().trim().min(1, 'Local account name is required').max(128),
  password: z.string().min(1, 'Password is required').max(256),
  isClustered: z.boolean(),
  isDomainController: z.boolean(),
  hasNameSpecificApp: z.boolean(),
  networkAdapters: z
    .array(AdapterNameSchema)
    .max(32, 'At most 32 network adapters')
    .refine((a) => new Set(a.map((n) => n.toLowerCase())).size === a.length, {
      message: 'Adapter friendly names must be unique',
    }),
};

export const CreateServerRequestSchema = z.object({
  ...serverFields,
  name: ServerNameSchema.optional(),
  addressKind: AddressKindSchema.default('reserved'),
  port: PortSchema.default(DEFAULT_AGENT_PORT),
  isClustered: z.boolean().default(false),
  isDomainController: z.boolean().default(false),
  hasNameSpecificApp: z.boolean().default(false),
  networkAdapters: serverFields.networkAdapters.default([]),
  licenses: z.array(LicenseKeySchema).max(32).default([]),
});
export type CreateServerRequest = z.input<typeof CreateServerRequestSchema>;

export const UpdateServerRequestSchema = z
  .object({ ...serverFields, expectedVersion: z.number().int().min(1) })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== 'expectedVersion'), { message: 'Give at least one field to change' });
export type UpdateServerRequest = z.infer<typeof UpdateServerRequestSchema>;

export const ServerServiceStateSchema = z.enum(['running', 'stopped']);
export type ServerServiceState = z.infer<typeof ServerServiceStateSchema>;

/**
 * A service of the system state of the identity a machine holds, as its agent reports it. Right before a
 * Full Server failover every running service that is not critical to Windows is stopped.
 */
export const ServerServiceSchema = z.object({
  name: z.string().min(1).max(256),
  isCritical: z.boolean(),
  /** False models a blocking driver (e.g. some anti-virus) whose stop command fails. */
  canStop: z.boolean(),
  state: ServerServiceStateSchema,
});
export type ServerService = z.infer<typeof ServerServiceSchema>;

export const LicenseSchema = z.object({ key: z.string(), addedAt: z.iso.datetime() });
export type License = z.infer<typeof LicenseSchema>;

/** A server as the API returns it: the password never leaves the database. */
export const ServerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  addressKind: AddressKindSchema,
  port: z.number().int(),
  username: z.string(),
  hasPassword: z.literal(true),
  isClustered: z.boolean(),
  isDomainController: z.boolean(),
  hasNameSpecificApp: z.boolean(),
  networkAdapters: z.array(z.string()),
  status: ServerStatusSchema,
  lastSeenAt: z.iso.datetime().nullable(),
  licenses: z.array(LicenseSchema),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Server = z.infer<typeof ServerSchema>;

/**
 * One server as `GET /api/servers/:id` returns it: with what the console last learned from its agent.
 * Read-only: learned by the agent monitor, never accepted on create or update.
 */
export const ServerDetailSchema = ServerSchema.extend({
  /** The services of the identity the machine holds now; empty until its agent was first reached. */
  services: z.array(ServerServiceSchema),
  /** When the services were last learned; null while the agent was never reached. */
  servicesLearnedAt: z.iso.datetime().nullable(),
  /** The agent's stable machine id, and the name of the identity the machine holds now (after a live
   * Full Server failover the target machine holds the source's name); null until the agent was reached. */
  machineId: z.string().nullable(),
  identityName: z.string().nullable(),
});
export type ServerDetail = z.infer<typeof ServerDetailSchema>;

export const ServerListQuerySchema = z.object({
  q: z.string().trim().max(253).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export const ServerListResponseSchema = z.object({ items: z.array(ServerSchema), nextCursor: z.string().nullable() });

export const AddLicenseRequestSchema = z.object({ key: LicenseKeySchema });
