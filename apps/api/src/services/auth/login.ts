import type { PrismaClient } from '@syncsafe/db';
import { AppError } from '../../lib/app-error.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { verifyPassword } from '../passwords.ts';
import { createSession, deleteSessionByToken, type SessionTimeouts } from './sessions.ts';

const WRONG_CREDENTIALS = 'Wrong username or password';

/**
 * Checks the credentials and opens a NEW session (a token presented with the request is ended, so a
 * planted cookie cannot survive sign-in). Success and failure both go to the audit chain.
 */
export async function logIn(
  prisma: PrismaClient,
  input: { username: string; password: string; previousToken: string | undefined },
  meta: { sourceIp: string; userAgent: string | null },
  timeouts: SessionTimeouts,
) {
  const user = await prisma.user.findUnique({ where: { username: input.username } });
  const isPasswordRight = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !isPasswordRight || user.isDisabled) {
    const reason = !user ? 'unknown user' : !isPasswordRight ? 'wrong password' : 'user disabled';
    await prisma.$transaction((tx) =>
      appendAudit(tx, { id: user?.id ?? null, name: input.username.slice(0, 64) || 'anonymous', role: user?.role ?? null, ip: meta.sourceIp }, {
        action: 'auth.login',
        target: { type: 'user', id: user?.id ?? null, name: input.username.slice(0, 64) },
        outcome: 'failure',
        reason,
      }),
    );
    throw new AppError('unauthenticated', user?.isDisabled && isPasswordRight ? 'This account is disabled' : WRONG_CREDENTIALS);
  }
  const token = await prisma.$transaction(async (tx) => {
    if (input.previousToken) await deleteSessionByToken(tx, input.previousToken);
    const created = await createSession(tx, user.id, timeouts, { sourceIp: meta.sourceIp, userAgent: meta.userAgent });
    await appendAudit(tx, { id: user.id, name: user.username, role: user.role, ip: meta.sourceIp }, {
      action: 'auth.login',
      target: { type: 'session', id: created.session.id },
      outcome: 'success',
    });
    return created.token;
  });
  return { user, token };
}
