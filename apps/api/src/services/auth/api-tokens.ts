import { roleRank, type ApiToken, type CreateApiTokenRequest, type Role } from '@syncsafe/contracts';
import type { ApiToken as ApiTokenRow, PrismaClient } from '@syncsafe/db';
import { AppError, notFound } from '../../lib/app-error.ts';
import { API_TOKEN_PREFIX, hashToken, newApiToken } from '../../lib/tokens.ts';
import type { Principal } from '../../types.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';

const DAY_MS = 86_400_000;
const LAST_USED_EVERY_MS = 60_000;

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const lowerRole = (a: Role, b: Role): Role => (roleRank[a] <= roleRank[b] ? a : b);

/** A token never exceeds its creator's role: refused above it at creation, capped by it at use. */
export async function createApiToken(prisma: PrismaClient, principal: Principal, actor: Actor, input: CreateApiTokenRequest) {
  if (roleRank[input.role] > roleRank[principal.role]) {
    throw new AppError('forbidden', `A token cannot have more than your own role (${principal.role}); asked for ${input.role}`, {
      field: 'role',
      yourRole: principal.role,
    });
  }
  const secret = newApiToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        role: input.role,
        userId: principal.userId,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
      },
    });
    await appendAudit(tx, actor, {
      action: 'token.create',
      target: { type: 'token', id: created.id, name: created.name },
      after: { name: created.name, role: created.role, prefix: created.prefix, expiresAt: created.expiresAt },
      outcome: 'success',
    });
    return created;
  });
  return { token: toApiToken(row), secret };
}

export async function listApiTokens(prisma: PrismaClient, principal: Principal) {
  const rows = await prisma.apiToken.findMany({ where: { userId: principal.userId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toApiToken);
}

/** Users revoke their own tokens; admins may revoke anyone's. */
export async function revokeApiToken(prisma: PrismaClient, principal: Principal, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row || (row.userId !== principal.userId && principal.role !== 'admin')) throw notFound('Token');
    if (row.revokedAt) return toApiToken(row);
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await appendAudit(tx, actor, {
      action: 'token.revoke',
      target: { type: 'token', id, name: row.name },
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt },
      outcome: 'success',
    });
    return toApiToken(revoked);
  });
}

export async function resolveApiToken(prisma: PrismaClient, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(secret) }, include: { user: true } });
  const now = Date.now();
  if (!row || row.revokedAt || row.user.isDisabled || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { userId: row.userId, username: row.user.username, role: lowerRole(row.role, row.user.role), via: 'token', tokenId: row.id };
}
