import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, serverBody, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let admin: Caller;
let serverId: string;
let userId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.callerWithRole('admin');
  serverId = (await admin.request({ method: 'POST', url: '/api/servers', payload: serverBody() })).json().id;
  userId = (await t.callerWithRole('operator')).userId;
});
afterAll(() => t.close());

type Case = [description: string, method: string, url: () => string, payload: unknown, field: string];

const server = (o: Record<string, unknown>) => serverBody(o);
const cases: Case[] = [
  ['server address missing', 'POST', () => '/api/servers', { ...server({}), address: undefined }, 'address'],
  ['server address not an IP or host name', 'POST', () => '/api/servers', server({ address: 'not a host!' }), 'address'],
  ['server address an impossible IPv4', 'POST', () => '/api/servers', server({ address: '10.0.0.256' }), 'address'],
  ['server address an invalid IPv6', 'POST', () => '/api/servers', server({ address: 'fe80:::1::2' }), 'address'],
  ['server port 0', 'POST', () => '/api/servers', server({ port: 0 }), 'port'],
  ['server port 65536', 'POST', () => '/api/servers', server({ port: 65536 }), 'port'],
  ['server port fractional', 'POST', () => '/api/servers', server({ port: 80.5 }), 'port'],
  ['server port a string', 'POST', () => '/api/servers', server({ port: '6320' }), 'port'],
  ['server address kind unknown', 'POST', () => '/api/servers', server({ addressKind: 'public' }), 'addressKind'],
  ['server account name empty', 'POST', () => '/api/servers', server({ username: '  ' }), 'username'],
  ['server password missing', 'POST', () => '/api/servers', { ...server({}), password: undefined }, 'password'],
  ['server name too long', 'POST', () => '/api/servers', server({ name: 'x'.repeat(129) }), 'name'],
  ['server clustered flag not boolean', 'POST', () => '/api/servers', server({ isClustered: 'yes' }), 'isClustered'],
  ['server adapters duplicated', 'POST', () => '/api/servers', server({ networkAdapters: ['LAN', 'lan'] }), 'networkAdapters'],
  ['server adapter name empty', 'POST', () => '/api/servers', server({ networkAdapters: [''] }), 'networkAdapters.0'],
  ['server license key malformed', 'POST', () => '/api/servers', server({ licenses: ['bad key!'] }), 'licenses.0'],
  ['server license keys repeated', 'POST', () => '/api/servers', server({ licenses: ['AAA-1', 'aaa-1'] }), 'licenses'],
  ['server edit with nothing to change', 'PATCH', () => `/api/servers/${serverId}`, {}, 'body'],
  ['server edit port out of range', 'PATCH', () => `/api/servers/${serverId}`, { port: -1 }, 'port'],
  ['server edit expectedVersion not a number', 'PATCH', () => `/api/servers/${serverId}`, { name: 'n', expectedVersion: 'one' }, 'expectedVersion'],
  ['server id not a UUID', 'PATCH', () => '/api/servers/42', { name: 'n' }, 'id'],
  ['license key missing', 'POST', () => `/api/servers/${serverId}/licenses`, {}, 'key'],
  ['license key malformed', 'POST', () => `/api/servers/${serverId}/licenses`, { key: 'a b' }, 'key'],
  ['user name with spaces', 'POST', () => '/api/users', { username: 'a b', password: 'long-enough-password', role: 'auditor' }, 'username'],
  ['user password too short', 'POST', () => '/api/users', { username: 'shorty', password: 'short', role: 'auditor' }, 'password'],
  ['user role unknown', 'POST', () => '/api/users', { username: 'rolly', password: 'long-enough-password', role: 'root' }, 'role'],
  ['user update empty', 'PATCH', () => `/api/users/${userId}`, {}, 'body'],
  ['user update disabled not boolean', 'PATCH', () => `/api/users/${userId}`, { isDisabled: 'true' }, 'isDisabled'],
  ['token name empty', 'POST', () => '/api/tokens', { name: '', role: 'auditor' }, 'name'],
  ['token expiry zero days', 'POST', () => '/api/tokens', { name: 't', role: 'auditor', expiresInDays: 0 }, 'expiresInDays'],
  ['token id not a UUID', 'DELETE', () => '/api/tokens/abc', undefined, 'id'],
  ['audit limit too large', 'GET', () => '/api/audit?limit=100000', undefined, 'limit'],
  ['audit outcome unknown', 'GET', () => '/api/audit?outcome=maybe', undefined, 'outcome'],
  ['audit from not a date', 'GET', () => '/api/audit?from=yesterday', undefined, 'from'],
  ['audit from after to', 'GET', () => '/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', undefined, 'from'],
  ['audit export format unknown', 'GET', () => '/api/audit/export?format=xml', undefined, 'format'],
  ['server list limit zero', 'GET', () => '/api/servers?limit=0', undefined, 'limit'],
];

describe('bad input gets a 400 naming the field', () => {
  it.each(cases)('%s', async (_d, method, url, payload, field) => {
    const res = await admin.request({ method: method as 'POST', url: url(), ...(payload !== undefined ? { payload: payload as object } : {}) });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(error.message).toContain(field);
  });
});

describe('malformed requests are 4xx, never 500', () => {
  it('malformed JSON', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/servers', payload: '{"address":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('a body that is not JSON', async () => {
    const text = await admin.request({ method: 'POST', url: '/api/servers', payload: 'address=1', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details[0].field).toBe('body');
    const xml = await admin.request({ method: 'POST', url: '/api/servers', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('validation_failed');
  });

  it('a body over 1 MiB', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/servers', payload: { ...serverBody(), name: 'x'.repeat(1_100_000) } });
    expect(res.statusCode).toBe(413);
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await admin.request({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('a missing server is a 404 naming what is missing', async () => {
    const res = await admin.request({ url: '/api/servers/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Server not found');
  });

  it('nothing was written by any refused request', async () => {
    expect(await t.db.prisma.server.count()).toBe(1);
    expect(await t.db.prisma.user.count()).toBe(3);
  });
});

describe('commands without options', () => {
  async function stoppedJob() {
    const target = (await admin.request({ method: 'POST', url: '/api/servers', payload: serverBody() })).json().id;
    const job = await t.db.prisma.job.create({
      data: { name: `No-body job ${target.slice(0, 8)}`, type: 'files_and_folders', sourceServerId: serverId, targetServerId: target, state: 'stopped', directories: ['/data'], replicaRoot: '/replica', options: {} },
    });
    return job.id;
  }

  it('take no body at all: the state machine answers (409 naming the state), not the validator', async () => {
    const jobId = await stoppedJob();
    for (const request of [{}, { payload: {} }, { payload: 'null', headers: { 'content-type': 'application/json' } }]) {
      const res = await admin.request({ method: 'POST', url: `/api/jobs/${jobId}/stop`, ...request });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.details).toMatchObject({ state: 'stopped' });
    }
  });

  it('still check an expectedVersion they are given', async () => {
    const jobId = await stoppedJob();
    const res = await admin.request({ method: 'POST', url: `/api/jobs/${jobId}/stop`, payload: { expectedVersion: 'one' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('expectedVersion');
  });

  it('an auditor is refused for the role before the body is looked at', async () => {
    const auditor = await t.callerWithRole('auditor');
    const jobId = await stoppedJob();
    const res = await auditor.request({ method: 'POST', url: `/api/jobs/${jobId}/failover`, payload: { type: 'sideways' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/needs the operator role/);
  });
});
