import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let admin: Caller;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

const bearer = (secret: string, options: { method?: string; url: string; payload?: object }) =>
  t.app.inject({ method: (options.method ?? 'GET') as 'GET', url: options.url, ...(options.payload ? { payload: options.payload } : {}), headers: { authorization: `Bearer ${secret}` } });

async function newUser(role: string, username = `u-${Math.random().toString(36).slice(2, 8)}`) {
  const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username, password: 'a-long-enough-password', role } });
  expect(res.statusCode).toBe(201);
  return { ...res.json(), caller: await t.signIn(username, 'a-long-enough-password') };
}

describe('users', () => {
  it('creates users with a hashed password (Argon2id) and lists them without hashes', async () => {
    const user = await newUser('operator', 'Ops.One');
    expect(user).toMatchObject({ username: 'ops.one', role: 'operator', isDisabled: false });
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const list = await admin.request({ url: '/api/users' });
    expect(list.body).not.toContain('argon2');
    expect(list.json().items.map((u: { username: string }) => u.username)).toContain('ops.one');
  });

  it('refuses a duplicate username with 409', async () => {
    await newUser('auditor', 'twin');
    const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username: 'TWIN', password: 'a-long-enough-password', role: 'auditor' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ field: 'username' });
  });

  it('changes a role, which applies to the live session at once', async () => {
    const user = await newUser('auditor');
    expect((await user.caller.request({ url: '/api/users' })).statusCode).toBe(403);
    await admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { role: 'admin' } });
    expect((await user.caller.request({ url: '/api/users' })).statusCode).toBe(200);
  });

  it('disabling a user kills their sessions and refuses their sign-in', async () => {
    const user = await newUser('operator', 'leaver');
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { isDisabled: true } });
    expect(res.json().isDisabled).toBe(true);
    expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await user.caller.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leaver', password: 'a-long-enough-password' } });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.message).toBe('This account is disabled');
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.disable', targetId: user.id } });
    expect(audit).toMatchObject({ before: { isDisabled: false }, after: { isDisabled: true } });
  });

  it('a new password ends the user’s sessions and the old password stops working', async () => {
    const user = await newUser('operator', 'rotator');
    await admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { password: 'the-new-password-123' } });
    expect((await user.caller.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'rotator', password: 'a-long-enough-password' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'rotator', password: 'the-new-password-123' } })).statusCode).toBe(200);
  });

  it('refuses to demote or disable the last enabled admin', async () => {
    const others = await t.db.prisma.user.findMany({ where: { role: 'admin', NOT: { username: 'admin' } } });
    for (const o of others) await t.db.prisma.user.update({ where: { id: o.id }, data: { role: 'operator' } });
    const res = await admin.request({ method: 'PATCH', url: `/api/users/${admin.userId}`, payload: { role: 'operator' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/last enabled admin/);
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${admin.userId}`, payload: { isDisabled: true } })).statusCode).toBe(409);
  });
});

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates with it', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'ci', role: 'operator' } });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^ssc_[\w-]{43}$/);
    expect(token).toMatchObject({ name: 'ci', role: 'operator', prefix: secret.slice(0, 10), revokedAt: null });
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await admin.request({ url: '/api/tokens' });
    expect(list.body).not.toContain(secret);
    const me = await bearer(secret, { url: '/api/auth/me' });
    expect(me.json()).toMatchObject({ user: { username: 'admin', role: 'operator' }, via: 'token' });
  });

  it('a token never exceeds its creator’s role: refused at creation, capped after a demotion', async () => {
    const user = await newUser('operator');
    const refused = await user.caller.request({ method: 'POST', url: '/api/tokens', payload: { name: 'up', role: 'admin' } });
    expect(refused.statusCode).toBe(403);
    const { secret } = (await user.caller.request({ method: 'POST', url: '/api/tokens', payload: { name: 'ops', role: 'operator' } })).json();
    await admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { role: 'auditor' } });
    expect((await bearer(secret, { url: '/api/auth/me' })).json().user.role).toBe('auditor');
  });

  it('an operator-role token created by an admin cannot do admin things', async () => {
    const { secret } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'limited', role: 'operator' } })).json();
    expect((await bearer(secret, { url: '/api/users' })).statusCode).toBe(403);
  });

  it('a revoked, expired or malformed token, or one of a disabled user, gets 401', async () => {
    const { token, secret } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'short', role: 'auditor' } })).json();
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${token.id}` })).json().revokedAt).not.toBeNull();
    expect((await bearer(secret, { url: '/api/servers' })).statusCode).toBe(401);

    const expiring = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'exp', role: 'auditor', expiresInDays: 1 } })).json();
    await t.db.prisma.apiToken.update({ where: { id: expiring.token.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await bearer(expiring.secret, { url: '/api/servers' })).statusCode).toBe(401);

    expect((await bearer('ssc_made-up', { url: '/api/servers' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/servers', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);

    const user = await newUser('operator');
    const own = (await user.caller.request({ method: 'POST', url: '/api/tokens', payload: { name: 'mine', role: 'operator' } })).json();
    await admin.request({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { isDisabled: true } });
    expect((await bearer(own.secret, { url: '/api/servers' })).statusCode).toBe(401);
  });

  it('users see and revoke only their own tokens', async () => {
    const a = await newUser('operator');
    const b = await newUser('operator');
    const aToken = (await a.caller.request({ method: 'POST', url: '/api/tokens', payload: { name: 'a', role: 'auditor' } })).json().token;
    expect((await b.caller.request({ url: '/api/tokens' })).json().items).toHaveLength(0);
    expect((await b.caller.request({ method: 'DELETE', url: `/api/tokens/${aToken.id}` })).statusCode).toBe(404);
    expect((await a.caller.request({ method: 'DELETE', url: `/api/tokens/${aToken.id}` })).statusCode).toBe(200);
  });
});
