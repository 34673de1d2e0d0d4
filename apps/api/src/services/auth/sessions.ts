import type { Prisma, PrismaClient } from '@syncsafe/db';
import { hashToken, newSessionToken } from '../../lib/tokens.ts';
import type { Principal } from '../../types.ts';

export interface SessionTimeouts {
  idleMs: number;
  maxMs: number;
}

/** Touching lastSeenAt on every request would write on every read; a minute's slack is enough. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  prisma: Prisma.TransactionClient,
  userId: string,
  timeouts: SessionTimeouts,
  meta: { sourceIp: string | null; userAgent: string | null },
) {
  const token = newSessionToken();
  const now = new Date();
  const session = await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + timeouts.maxMs),
      sourceIp: meta.sourceIp,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, session };
}

/** The principal of a live session, or null when unknown, expired (idle or absolute) or its user disabled. */
export async function resolveSession(prisma: PrismaClient, token: string, timeouts: SessionTimeouts): Promise<Principal | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  const isExpired = session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + timeouts.idleMs <= now;
  if (isExpired || session.user.isDisabled) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return { userId: session.userId, username: session.user.username, role: session.user.role, via: 'session', sessionId: session.id };
}

export async function deleteSessionByToken(prisma: Prisma.TransactionClient, token: string) {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
