import type { Role } from '@syncsafe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, serverBody, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
const callers = {} as Record<Role, Caller>;
let serverId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['admin', 'operator', 'auditor'] as const) callers[role] = await t.callerWithRole(role);
  serverId = (await callers.admin.request({ method: 'POST', url: '/api/servers', payload: serverBody() })).json().id;
  userId = callers.operator.userId;
});
afterAll(() => t.close());

type Expect = Record<Role | 'anonymous', number>;
const read: Expect = { admin: 200, operator: 200, auditor: 200, anonymous: 401 };
const adminOnly = (ok: number): Expect => ({ admin: ok, operator: 403, auditor: 403, anonymous: 401 });

/** Each route, and what each role gets. Admin-only changes are checked with bodies that would succeed. */
const routes: { name: string; method: string; url: () => string; payload?: () => object; expect: Expect }[] = [
  { name: 'list servers', method: 'GET', url: () => '/api/servers', expect: read },
  { name: 'read a server', method: 'GET', url: () => `/api/servers/${serverId}`, expect: read },
  { name: 'read the audit trail', method: 'GET', url: () => '/api/audit', expect: read },
  { name: 'export the audit trail', method: 'GET', url: () => '/api/audit/export?format=json', expect: read },
  { name: 'verify the audit chain', method: 'GET', url: () => '/api/audit/verify', expect: read },
  { name: 'read own identity', method: 'GET', url: () => '/api/auth/me', expect: read },
  { name: 'list own tokens', method: 'GET', url: () => '/api/tokens', expect: read },
  { name: 'scrape metrics', method: 'GET', url: () => '/metrics', expect: read },
  { name: 'list users', method: 'GET', url: () => '/api/users', expect: adminOnly(200) },
  { name: 'add a server', method: 'POST', url: () => '/api/servers', payload: () => serverBody(), expect: adminOnly(201) },
  { name: 'edit a server', method: 'PATCH', url: () => `/api/servers/${serverId}`, payload: () => ({ isClustered: true }), expect: adminOnly(200) },
  { name: 'add a license key', method: 'POST', url: () => `/api/servers/${serverId}/licenses`, payload: () => ({ key: `KEY-${Math.random().toString(36).slice(2, 8)}` }), expect: adminOnly(201) },
  { name: 'remove a license key', method: 'DELETE', url: () => `/api/servers/${serverId}/licenses/NOT-THERE`, expect: adminOnly(404) },
  { name: 'create a user', method: 'POST', url: () => '/api/users', payload: () => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, password: 'a-long-enough-password', role: 'auditor' }), expect: adminOnly(201) },
  { name: 'change a user', method: 'PATCH', url: () => `/api/users/${userId}`, payload: () => ({ role: 'operator' }), expect: adminOnly(200) },
  { name: 'create an auditor token', method: 'POST', url: () => '/api/tokens', payload: () => ({ name: 'read-only', role: 'auditor' }), expect: { admin: 201, operator: 201, auditor: 201, anonymous: 401 } },
  { name: 'create an operator token', method: 'POST', url: () => '/api/tokens', payload: () => ({ name: 'ops', role: 'operator' }), expect: { admin: 201, operator: 201, auditor: 403, anonymous: 401 } },
  { name: 'create an admin token', method: 'POST', url: () => '/api/tokens', payload: () => ({ name: 'root', role: 'admin' }), expect: { admin: 201, operator: 403, auditor: 403, anonymous: 401 } },
  { name: 'delete a server', method: 'DELETE', url: () => `/api/servers/${serverId}`, expect: { admin: 204, operator: 403, auditor: 403, anonymous: 401 } },
];

describe.each(routes)('$method $name', (route) => {
  // Admin last: its success may remove what the others are refused.
  it.each(['anonymous', 'auditor', 'operator', 'admin'] as const)('as %s', async (role) => {
    const options = { method: route.method as 'GET', url: route.url(), ...(route.payload ? { payload: route.payload() } : {}) };
    const res = role === 'anonymous' ? await t.app.inject(options) : await callers[role].request(options);
    expect(res.statusCode, res.body).toBe(route.expect[role]);
    if (res.statusCode === 403) {
      expect(res.json().error.code).toBe('forbidden');
      expect(res.json().error.message).toMatch(/needs the (admin|operator) role|more than your own role/);
    }
  });
});

describe('refusals', () => {
  it('names the role needed and the caller’s role in a 403', async () => {
    const res = await callers.auditor.request({ method: 'POST', url: '/api/servers', payload: serverBody() });
    expect(res.json().error).toMatchObject({ code: 'forbidden', message: 'This needs the admin role; you are auditor', details: { requiredRole: 'admin', yourRole: 'auditor' } });
  });

  it('records a refused command in the audit trail with actor and reason', async () => {
    await callers.operator.request({ method: 'POST', url: '/api/servers', payload: serverBody({ name: 'refused-one' }) });
    const row = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'server.create', outcome: 'refused' }, orderBy: { seq: 'desc' } });
    expect(row.actorName).toBe(callers.operator === undefined ? '' : (await t.db.prisma.user.findUniqueOrThrow({ where: { id: callers.operator.userId } })).username);
    expect(row.reason).toMatch(/forbidden: This needs the admin role/);
  });
});
