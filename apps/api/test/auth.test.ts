import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, OWN_ORIGIN, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object, headers });

describe('sign-in', () => {
  it('creates the first admin from SYNCSAFE_ADMIN_PASSWORD and signs in with it', async () => {
    const res = await login({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'admin', role: 'admin', isDisabled: false }, via: 'session' });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie holding a 128-bit random token, not Secure over plain HTTP', async () => {
    const res = await login({ username: 'admin', password: ADMIN_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'syncsafe_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(Buffer.from(cookie.value, 'base64url')).toHaveLength(16);
  });

  it('marks the cookie Secure when served over TLS behind a trusted proxy', async () => {
    const tls = await createTestApp({ SYNCSAFE_TRUST_PROXY: 'true' });
    try {
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.cookies.find((c) => c.name === 'syncsafe_session')!.secure).toBe(true);
    } finally {
      await tls.close();
    }
  });

  it('issues a new token at every sign-in and ends the session whose cookie came with it', async () => {
    const first = await t.signIn('admin', ADMIN_PASSWORD);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
      headers: { cookie: first.cookie },
    });
    const second = again.cookies.find((c) => c.name === 'syncsafe_session')!.value;
    expect(`syncsafe_session=${second}`).not.toBe(first.cookie);
    expect((await first.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user with the same message, and stores no session', async () => {
    const before = await t.db.prisma.session.count();
    const wrong = await login({ username: 'admin', password: 'not the password' });
    const unknown = await login({ username: 'nobody', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'unauthenticated', message: 'Wrong username or password' });
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.cookies).toHaveLength(0);
    expect(await t.db.prisma.session.count()).toBe(before);
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await login({ username: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'password', message: expect.any(String) }]);
  });

  it('records successful and failed sign-ins in the audit trail with the source address', async () => {
    await login({ username: 'admin', password: 'wrong-password' });
    const rows = await t.db.prisma.auditEvent.findMany({ where: { action: 'auth.login' }, orderBy: { seq: 'desc' }, take: 1 });
    expect(rows[0]).toMatchObject({ actorName: 'admin', outcome: 'failure', reason: 'wrong password', sourceIp: '127.0.0.1' });
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'auth.login', outcome: 'success' } })).toBeGreaterThan(0);
  });

  it('refuses a login posted from a foreign origin (login CSRF)', async () => {
    const res = await login({ username: 'admin', password: ADMIN_PASSWORD }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_rejected');
  });

  it('rate limits sign-in attempts per client address', async () => {
    const limited = await createTestApp({ SYNCSAFE_LOGIN_MAX_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'guess-' + i } })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('answers /api/auth/me for a session and 401 without one', async () => {
    const admin = await t.signIn('admin', ADMIN_PASSWORD);
    expect((await admin.request({ url: '/api/auth/me' })).json()).toMatchObject({ user: { username: 'admin' }, via: 'session' });
    const anonymous = await t.app.inject({ url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });

  it('expires a session after the idle timeout', async () => {
    const caller = await t.callerWithRole('operator');
    await t.db.prisma.session.updateMany({ where: { userId: caller.userId }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const res = await caller.request({ url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/expired/);
    expect(await t.db.prisma.session.count({ where: { userId: caller.userId } })).toBe(0);
  });

  it('expires a session at its absolute timeout even while in use', async () => {
    const caller = await t.callerWithRole('operator');
    await t.db.prisma.session.updateMany({ where: { userId: caller.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await caller.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('keeps an active session alive by moving its idle deadline', async () => {
    const caller = await t.callerWithRole('operator');
    const stale = new Date(Date.now() - 20 * 60_000);
    await t.db.prisma.session.updateMany({ where: { userId: caller.userId }, data: { lastSeenAt: stale } });
    expect((await caller.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: caller.userId } });
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(stale.getTime());
  });

  it('stores only the SHA-256 of the session token', async () => {
    const caller = await t.callerWithRole('auditor');
    const token = caller.cookie.split('=')[1]!;
    const rows = await t.db.prisma.session.findMany({ where: { userId: caller.userId } });
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const caller = await t.callerWithRole('operator');
    const res = await caller.request({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'syncsafe_session')!.value).toBe('');
    expect((await caller.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('CSRF defence', () => {
  it('refuses a cookie-authenticated change without an Origin header', async () => {
    const admin = await t.signIn('admin', ADMIN_PASSWORD);
    const res = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x', role: 'auditor' }, headers: { origin: '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_rejected');
  });

  it('refuses a cookie-authenticated change from a foreign origin, and accepts its own', async () => {
    const admin = await t.signIn('admin', ADMIN_PASSWORD);
    const foreign = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x', role: 'auditor' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    const own = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'x', role: 'auditor' }, headers: { origin: OWN_ORIGIN } });
    expect(own.statusCode).toBe(201);
  });

  it('accepts a same-origin fetch that sends Sec-Fetch-Site instead of Origin', async () => {
    const admin = await t.signIn('admin', ADMIN_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'y', role: 'auditor' },
      headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('needs no Origin for bearer-token requests', async () => {
    const admin = await t.signIn('admin', ADMIN_PASSWORD);
    const { secret } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'ci', role: 'admin' } })).json();
    const res = await t.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'z', role: 'auditor' }, headers: { authorization: `Bearer ${secret}` } });
    expect(res.statusCode).toBe(201);
  });
});

describe('security headers', () => {
  it('sends a CSP with object-src and base-uri none, frame-ancestors, and nosniff on every response', async () => {
    for (const url of ['/healthz', '/api/auth/me', '/nope']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});
