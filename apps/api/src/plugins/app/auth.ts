import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { roleRank, type Role } from '@syncsafe/contracts';
import { AppError } from '../../lib/app-error.ts';
import { resolveApiToken } from '../../services/auth/api-tokens.ts';
import { resolveSession } from '../../services/auth/sessions.ts';

export const SESSION_COOKIE = 'syncsafe_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie attributes of the session: HttpOnly, SameSite=Strict, Secure over TLS. */
export function sessionCookieOptions(request: FastifyRequest, maxAgeMs: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

/** The console's own origin, as the browser sees it. */
export function ownOrigin(request: FastifyRequest) {
  // A WebSocket upgrade injected in tests has no TLS socket to read the protocol from.
  return `${request.protocol || 'http'}://${request.host}`;
}

/** A cookie-authenticated change must come from the console's own pages (or a configured origin). */
export function assertSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  const allowed = [ownOrigin(request), ...request.server.config.allowedOrigins];
  if (origin ? allowed.includes(origin) : request.headers['sec-fetch-site'] === 'same-origin') return;
  throw new AppError(
    'csrf_rejected',
    origin ? `Origin ${origin} may not change state with a console session` : 'A state-changing request with a session cookie must carry an Origin header',
  );
}

/** Resolves the caller from `Authorization: Bearer` or the session cookie; 401 when neither is valid. */
async function authenticate(request: FastifyRequest) {
  const { prisma } = request.server.db;
  const { sessionIdleMs, sessionMaxMs } = request.server.config;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    request.principal = match ? await resolveApiToken(prisma, match[1]!) : null;
    if (!request.principal) throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  request.principal = token ? await resolveSession(prisma, token, { idleMs: sessionIdleMs, maxMs: sessionMaxMs }) : null;
  if (!request.principal) throw new AppError('unauthenticated', token ? 'Your session has expired; sign in again' : 'Sign in first');
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
}

/** preValidation: the caller's role must be at least `role` (checked before the body, so a caller without the role learns nothing from validation). */
export function requireRole(role: Role) {
  return async function checkRole(request: FastifyRequest, _reply: FastifyReply) {
    const own = request.principal?.role;
    if (!own || roleRank[own] < roleRank[role]) {
      throw new AppError('forbidden', `This needs the ${role} role${own ? `; you are ${own}` : ''}`, { requiredRole: role, yourRole: own ?? null });
    }
  };
}

/** Everything registered inside the scope this plugin is registered in requires a signed-in caller. */
export const authenticated = fp(async function authenticated(scope: FastifyInstance) {
  scope.addHook('onRequest', authenticate);
});

export default fp(async function principalDecorator(app: FastifyInstance) {
  app.decorateRequest('principal', null);
});
