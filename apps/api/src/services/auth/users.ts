import { randomBytes } from 'node:crypto';
import type { CreateUserRequest, UpdateUserRequest, User } from '@syncsafe/contracts';
import type { PrismaClient, User as UserRow } from '@syncsafe/db';
import { conflict, notFound } from '../../lib/app-error.ts';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../audit/append-audit.ts';
import { hashPassword } from '../passwords.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    isDisabled: row.isDisabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listUsers(prisma: PrismaClient) {
  return (await prisma.user.findMany({ orderBy: { username: 'asc' } })).map(toUser);
}

export async function createUser(prisma: PrismaClient, actor: Actor, input: CreateUserRequest) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.user.create({ data: { username: input.username, passwordHash, role: input.role } });
      await appendAudit(tx, actor, {
        action: 'user.create',
        target: { type: 'user', id: row.id, name: row.username },
        after: { username: row.username, role: row.role },
        outcome: 'success',
      });
      return toUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A user named ${input.username} already exists`, { field: 'username' });
    throw error;
  }
}

/**
 * Role, disabled flag and password. Disabling kills the user's sessions (tokens stop working at once);
 * a new password ends every session of that user. The last enabled admin cannot be demoted or disabled.
 */
export async function updateUser(prisma: PrismaClient, actor: Actor, id: string, input: UpdateUserRequest) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound('User');
    const losesAdmin = before.role === 'admin' && !before.isDisabled && ((input.role && input.role !== 'admin') || input.isDisabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: 'admin', isDisabled: false } });
      if (admins <= 1) throw conflict(`${before.username} is the last enabled admin; make another admin first`);
    }
    const row = await tx.user.update({
      where: { id },
      data: {
        ...(input.role ? { role: input.role } : {}),
        ...(input.isDisabled !== undefined ? { isDisabled: input.isDisabled } : {}),
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}),
      },
    });
    if (input.isDisabled || passwordHash) await tx.session.deleteMany({ where: { userId: id } });
    await appendAudit(tx, actor, {
      action: input.isDisabled === true ? 'user.disable' : input.isDisabled === false ? 'user.enable' : 'user.update',
      target: { type: 'user', id, name: row.username },
      before: { role: before.role, isDisabled: before.isDisabled },
      after: { role: row.role, isDisabled: row.isDisabled, ...(passwordHash ? { passwordChanged: true } : {}) },
      outcome: 'success',
    });
    return toUser(row);
  });
}

/**
 * On a database with no users, creates `admin` with the configured password, or a random one that is
 * returned (and printed once by the caller). Returns null when users already exist.
 */
export async function ensureFirstAdmin(prisma: PrismaClient, configured: string | undefined) {
  if ((await prisma.user.count()) > 0) return null;
  const password = configured ?? randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return null;
    const row = await tx.user.create({ data: { username: 'admin', passwordHash, role: 'admin' } });
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'user.create',
      target: { type: 'user', id: row.id, name: row.username },
      after: { username: 'admin', role: 'admin', passwordSource: configured ? 'SYNCSAFE_ADMIN_PASSWORD' : 'generated' },
      outcome: 'success',
    });
    return { username: row.username, password, isGenerated: !configured };
  });
}
