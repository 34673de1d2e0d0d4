import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema, LoginRequestSchema, MeResponseSchema } from '@syncsafe/contracts';
import { AppError } from '../../lib/app-error.ts';
import { assertSameOrigin, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/app/auth.ts';
import { logIn } from '../../services/auth/login.ts';
import { toUser } from '../../services/auth/users.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

/** Sign-in: public, rate limited per client address. */
export const loginRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: app.config.loginMaxPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginRequestSchema, response: { 200: MeResponseSchema, ...errors } },
    },
    async (request, reply) => {
      // Login CSRF: a foreign page must not sign a browser into another account.
      if (request.headers.origin) assertSameOrigin(request);
      const { user, token } = await logIn(
        app.db.prisma,
        { ...request.body, previousToken: request.cookies[SESSION_COOKIE] },
        { sourceIp: request.ip, userAgent: request.headers['user-agent'] ?? null },
        { idleMs: app.config.sessionIdleMs, maxMs: app.config.sessionMaxMs },
      );
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, app.config.sessionMaxMs));
      return { user: toUser(user), via: 'session' as const };
    },
  );
};

/** The caller's own session. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: MeResponseSchema, 401: ErrorResponseSchema } } }, async (request) => {
    const user = await app.db.prisma.user.findUnique({ where: { id: request.principal!.userId } });
    if (!user) throw new AppError('unauthenticated', 'Sign in first');
    return { user: { ...toUser(user), role: request.principal!.role }, via: request.principal!.via };
  });

  app.post(
    '/api/auth/logout',
    { config: { audit: 'auth.logout' }, schema: { tags: ['auth'], response: { 204: z.undefined(), 401: ErrorResponseSchema } } },
    async (request, reply) => {
      const { sessionId } = request.principal!;
      if (sessionId) await app.db.prisma.session.deleteMany({ where: { id: sessionId } });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};
