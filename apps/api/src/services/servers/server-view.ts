import type { Server, ServerStatus } from '@syncsafe/contracts';
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
    status: row.status as ServerStatus,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    licenses: row.licenses.map((l) => ({ key: l.key, addedAt: l.addedAt.toISOString() })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a server: everything but secrets. */
export function auditView(row: ServerWithLicenses) {
  const { passwordCiphertext: _secret, licenses, createdAt: _c, updatedAt: _u, lastSeenAt: _l, status: _s, ...rest } = row;
  return { ...rest, licenses: licenses.map((l) => l.key) };
}

/** One spelling per address, so `FE80::1` and `fe80:0::1`, or `Web01.` and `web01`, collide as duplicates. */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  if (a.includes(':')) return new URL(`http://[${a}]`).hostname.slice(1, -1);
  return a.toLowerCase().replace(/\.$/, '');
}
