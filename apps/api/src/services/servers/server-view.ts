import { ServerServiceSchema, ServerStatusSchema, type Server, type ServerDetail, type ServerService } from '@syncsafe/contracts';
import type { Server as ServerRow, ServerLicense } from '@syncsafe/db';

export type ServerWithLicenses = ServerRow & { licenses: ServerLicense[] };

export const withLicenses = { licenses: { orderBy: { addedAt: 'asc' } } } as const;

/** The API's view of a server: the credential's password never leaves the database. */
export function toServer(row: ServerWithLicenses): Server {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    addressKind: row.addressKind,
    port: row.port,
    username: row.username,
    hasPassword: true,
    isClustered: row.isClustered,
    isDomainController: row.isDomainController,
    hasNameSpecificApp: row.hasNameSpecificApp,
    networkAdapters: row.networkAdapters,
    status: ServerStatusSchema.parse(row.status),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    licenses: row.licenses.map((l) => ({ key: l.key, addedAt: l.addedAt.toISOString() })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The services the console last learned of a server (the `services` column). A value that does not read
 * as a list of services (written by hand, or by a later version) counts as nothing learned.
 */
export function storedServices(row: Pick<ServerRow, 'services'>): ServerService[] {
  const parsed = ServerServiceSchema.array().safeParse(row.services);
  return parsed.success ? parsed.data : [];
}

/** `GET /api/servers/:id`: the server with what the console last learned from its agent. */
export function toServerDetail(row: ServerWithLicenses): ServerDetail {
  return {
    ...toServer(row),
    services: storedServices(row),
    servicesLearnedAt: row.servicesLearnedAt?.toISOString() ?? null,
    machineId: row.machineId,
    identityName: row.hostName,
  };
}

/** What the audit trail keeps of a server: everything but secrets and what the console learns from the agent. */
export function auditView(row: ServerWithLicenses) {
  const {
    passwordCiphertext: _secret,
    licenses,
    createdAt: _c,
    updatedAt: _u,
    lastSeenAt: _l,
    status: _s,
    services: _services,
    servicesLearnedAt: _learned,
    machineId: _machine,
    hostName: _host,
    ...rest
  } = row;
  return { ...rest, licenses: licenses.map((l) => l.key) };
}

/** One spelling per address, so `FE80::1` and `fe80:0::1`, or `Web01.` and `web01`, collide as duplicates. */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  if (a.includes(':')) return new URL(`http://[${a}]`).hostname.slice(1, -1);
  return a.toLowerCase().replace(/\.$/, '');
}
