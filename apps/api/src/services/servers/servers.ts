import { randomUUID } from 'node:crypto';
import type { CreateServerRequestSchema, UpdateServerRequest } from '@syncsafe/contracts';
import type { Prisma, PrismaClient } from '@syncsafe/db';
import type { z } from 'zod';
import { badField, conflict, notFound } from '../../lib/app-error.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import type { ServerMove } from '../operations/protection-repointer.ts';
import type { SecretBox } from '../secret-box.ts';
import { auditView, normalizeAddress, toServer, toServerDetail, withLicenses } from './server-view.ts';

type CreateServerInput = z.output<typeof CreateServerRequestSchema>;

const serverTarget = (row: { id: string; name: string }) => ({ type: 'server' as const, id: row.id, name: row.name });

async function assertAddressFree(tx: Prisma.TransactionClient, address: string, port: number, exceptId?: string) {
  const taken = await tx.server.findFirst({ where: { address, port, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (taken) {
    throw conflict(`Server ${taken.name} already uses ${address} port ${port}`, { field: 'address', serverId: taken.id });
  }
}

async function loadServer(tx: Prisma.TransactionClient, id: string) {
  const row = await tx.server.findUnique({ where: { id }, include: withLicenses });
  if (!row) throw notFound('Server');
  return row;
}

export async function getServer(prisma: PrismaClient, id: string) {
  return toServerDetail(await loadServer(prisma, id));
}

/** Name order, keyset-paged by id. `q` matches name or address. */
export async function listServers(prisma: PrismaClient, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  const rows = await prisma.server.findMany({
    where: query.q
      ? { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { address: { contains: query.q, mode: 'insensitive' } }] }
      : {},
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: withLicenses,
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toServer), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

export async function createServer(prisma: PrismaClient, box: SecretBox, actor: Actor, input: CreateServerInput) {
  const licenses = [...new Set(input.licenses)];
  if (licenses.length !== input.licenses.length) throw badField('licenses', 'The same license key is listed twice');
  const id = randomUUID();
  const address = normalizeAddress(input.address);
  return prisma.$transaction(async (tx) => {
    await assertAddressFree(tx, address, input.port);
    const row = await tx.server.create({
      data: {
        id,
        name: input.name ?? address,
        address,
        addressKind: input.addressKind,
        port: input.port,
        username: input.username,
        passwordCiphertext: box.seal(input.password, id),
        isClustered: input.isClustered,
        isDomainController: input.isDomainController,
        hasNameSpecificApp: input.hasNameSpecificApp,
        networkAdapters: input.networkAdapters,
        licenses: { create: licenses.map((key) => ({ key })) },
      },
      include: withLicenses,
    });
    await appendAudit(tx, actor, { action: 'server.create', target: serverTarget(row), after: auditView(row), outcome: 'success' });
    return toServer(row);
  });
}

/**
 * Edits in place: the server keeps its id (its identity) when its address changes. After a new address
 * or port is committed, `onMoved` is told (never inside the transaction): running replication towards
 * the server is pointed there in the background (`ProtectionRepointer.follow`, which never throws).
 */
export async function updateServer(
  prisma: PrismaClient,
  box: SecretBox,
  actor: Actor,
  id: string,
  input: UpdateServerRequest,
  onMoved?: (move: ServerMove) => void,
) {
  const { server, move } = await prisma.$transaction(async (tx) => {
    const before = await loadServer(tx, id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      throw conflict(`Server ${before.name} was changed by someone else (version ${before.version}, you had ${input.expectedVersion}); reload it`, {
        currentVersion: before.version,
      });
    }
    const address = input.address !== undefined ? normalizeAddress(input.address) : before.address;
    const port = input.port ?? before.port;
    const isMoved = address !== before.address || port !== before.port;
    if (isMoved) await assertAddressFree(tx, address, port, id);
    const { password, expectedVersion: _v, address: _a, ...fields } = input;
    const row = await tx.server.update({
      where: { id },
      data: {
        ...fields,
        address,
        port,
        ...(password !== undefined ? { passwordCiphertext: box.seal(password, id) } : {}),
        version: { increment: 1 },
      },
      include: withLicenses,
    });
    await appendAudit(tx, actor, {
      action: 'server.update',
      target: serverTarget(row),
      before: auditView(before),
      after: { ...auditView(row), ...(password !== undefined ? { passwordChanged: true } : {}) },
      outcome: 'success',
    });
    return { server: toServer(row), move: isMoved ? { serverId: id, before: { address: before.address, port: before.port } } : null };
  });
  if (move) onMoved?.(move);
  return server;
}

/** Refused while a job uses the server as source, target or test machine. */
export async function deleteServer(prisma: PrismaClient, actor: Actor, id: string) {
  await prisma.$transaction(async (tx) => {
    const before = await loadServer(tx, id);
    const job = await tx.job.findFirst({
      where: { OR: [{ sourceServerId: id }, { targetServerId: id }, { testServerId: id }] },
      select: { id: true, name: true },
    });
    if (job) throw conflict(`Server ${before.name} is used by job ${job.name}; delete or edit the job first`, { jobId: job.id, jobName: job.name });
    await tx.server.delete({ where: { id } });
    await appendAudit(tx, actor, { action: 'server.delete', target: serverTarget(before), before: auditView(before), outcome: 'success' });
  });
}

export async function addLicense(prisma: PrismaClient, actor: Actor, id: string, key: string) {
  return prisma.$transaction(async (tx) => {
    const before = await loadServer(tx, id);
    if (before.licenses.some((l) => l.key === key)) {
      throw conflict(`License key ${key} is already on server ${before.name}`, { field: 'key' });
    }
    await tx.serverLicense.create({ data: { serverId: id, key } });
    const row = await tx.server.update({ where: { id }, data: { version: { increment: 1 } }, include: withLicenses });
    await appendAudit(tx, actor, {
      action: 'server.license.add',
      target: serverTarget(row),
      before: { licenses: before.licenses.map((l) => l.key) },
      after: { licenses: row.licenses.map((l) => l.key) },
      outcome: 'success',
    });
    return toServer(row);
  });
}

export async function removeLicense(prisma: PrismaClient, actor: Actor, id: string, key: string) {
  return prisma.$transaction(async (tx) => {
    const before = await loadServer(tx, id);
    if (!before.licenses.some((l) => l.key === key)) throw notFound(`License key ${key} on server ${before.name}`);
    await tx.serverLicense.delete({ where: { serverId_key: { serverId: id, key } } });
    const row = await tx.server.update({ where: { id }, data: { version: { increment: 1 } }, include: withLicenses });
    await appendAudit(tx, actor, {
      action: 'server.license.remove',
      target: serverTarget(row),
      before: { licenses: before.licenses.map((l) => l.key) },
      after: { licenses: row.licenses.map((l) => l.key) },
      outcome: 'success',
    });
    return toServer(row);
  });
}
