import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JobState, Role } from '@syncsafe/contracts';
import { toRowEnum } from '@syncsafe/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentFleet, type RunningAgent } from './support/agent-fleet.ts';
import { ConsoleDriver } from './support/console-driver.ts';
import { createTestApp, serverBody, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
const callers = {} as Record<Role, Caller>;
let serverId: string;
let userId: string;
// Jobs run their operations against real agents: an accepted command's operation ends (the agents do not
// know these jobs, so most fail at once) and every one has ended before the console closes.
const fleet = new AgentFleet();
let source: RunningAgent;
let target: RunningAgent;
let sourceId: string;
let targetId: string;
let readJobId: string;
let operationId: string;

beforeAll(async () => {
  [source, target] = await Promise.all([fleet.start({ name: 'roles-source' }), fleet.start({ name: 'roles-target' })]);
  t = await createTestApp();
  for (const role of ['admin', 'operator', 'auditor'] as const) callers[role] = await t.callerWithRole(role);
  serverId = (await callers.admin.request({ method: 'POST', url: '/api/servers', payload: serverBody() })).json().id;
  userId = callers.operator.userId;
  const driver = new ConsoleDriver(t, callers.admin);
  sourceId = await driver.addServer(source);
  targetId = await driver.addServer(target);
  readJobId = await jobIn('failed-over');
  operationId = (await driver.command(await jobIn('protecting'), 'stop')).json().id;
}, 120_000);

afterAll(async () => {
  if (t) {
    await settleOperations();
    await t.close();
  }
  await fleet.cleanUp();
});

/** Waits for every operation the commands started to end (none is left running against a closing console). */
async function settleOperations() {
  const open = await t.db.prisma.operation.findMany({ where: { status: { in: ['pending', 'running'] } }, select: { id: true } });
  await Promise.all(open.map(({ id }) => t.app.operations.settled(id)));
  const left = await t.db.prisma.operation.findMany({ where: { status: { in: ['pending', 'running'] } }, select: { id: true, kind: true } });
  if (left.length > 0) throw new Error(`operations left open after the runner settled: ${JSON.stringify(left)}`);
}

let jobCount = 0;
/** A job in the state a command needs, written directly (no operation runs to get it there). */
async function jobIn(state: JobState, type: 'files_and_folders' | 'full_server' = 'files_and_folders', options: object = {}, servers = { sourceServerId: sourceId, targetServerId: targetId }) {
  jobCount += 1;
  const job = await t.db.prisma.job.create({
    data: { name: `Roles job ${jobCount}`, type, ...servers, state: toRowEnum(state), directories: [`/data/roles-${jobCount}`], replicaRoot: '/replica', options },
  });
  return job.id;
}

/**
 * Creating and editing a job check that its target is not linked to a failed-over job (the jobs above fail
 * over to the target agent): these protect the other way, from the target agent to the source agent.
 */
const reversedServers = () => ({ sourceServerId: targetId, targetServerId: sourceId });

/** A Files and Folders job body whose Start operation has a real (empty) folder to protect. */
function createJobBody() {
  jobCount += 1;
  const data = join(target.disk, `created-${jobCount}`);
  mkdirSync(data, { recursive: true });
  return { name: `Roles created ${jobCount}`, type: 'files-and-folders', ...reversedServers(), directories: [data], replicaRoot: join(source.disk, `replica-${jobCount}`) };
}

async function openNotification() {
  return (await t.db.prisma.notification.create({ data: { kind: 'operation-failed', message: 'Failover of Roles job failed' } })).id;
}

/** Reverse needs reverse protection and the original source online (the monitor is off here, so it is set). */
async function reversibleJob() {
  await t.db.prisma.server.update({ where: { id: sourceId }, data: { status: 'online' } });
  return jobIn('failed-over', 'full_server', { hasReverseProtection: true });
}

type Expect = Record<Role | 'anonymous', number>;
const read: Expect = { admin: 200, operator: 200, auditor: 200, anonymous: 401 };
const adminOnly = (ok: number): Expect => ({ admin: ok, operator: 403, auditor: 403, anonymous: 401 });
/** Operators and admins change jobs and acknowledge notifications; auditors only read. */
const operatorUp = (ok: number): Expect => ({ admin: ok, operator: ok, auditor: 403, anonymous: 401 });

interface Route {
  name: string;
  method: string;
  /** Registered route path, e.g. `/api/jobs/:id` (checked against what the app registers). */
  path?: string;
  /** Called once per role: a change gets a fresh job (or notification), so each role's outcome is its own. */
  url: () => string | Promise<string>;
  payload?: () => object;
  expect: Expect;
}

/** Each route, and what each role gets. Changes are checked with bodies and job states that would succeed. */
const routes: Route[] = [
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

  // Jobs: everyone signed in reads; operators and admins change them and run the toolbar's commands.
  { name: 'list jobs', method: 'GET', path: '/api/jobs', url: () => '/api/jobs', expect: read },
  { name: 'read a job', method: 'GET', path: '/api/jobs/:id', url: () => `/api/jobs/${readJobId}`, expect: read },
  { name: 'read a job’s allowed actions', method: 'GET', path: '/api/jobs/:id/actions', url: () => `/api/jobs/${readJobId}/actions`, expect: read },
  { name: 'list a job’s snapshots', method: 'GET', path: '/api/jobs/:id/snapshots', url: () => `/api/jobs/${readJobId}/snapshots`, expect: read },
  { name: 'list a job’s operations', method: 'GET', path: '/api/jobs/:id/operations', url: () => `/api/jobs/${readJobId}/operations`, expect: read },
  { name: 'read an operation', method: 'GET', path: '/api/operations/:id', url: () => `/api/operations/${operationId}`, expect: read },
  { name: 'read a job’s history', method: 'GET', path: '/api/jobs/:id/history', url: () => `/api/jobs/${readJobId}/history`, expect: read },
  { name: 'ask the restore destination whether it is ready', method: 'GET', path: '/api/jobs/:id/restore-readiness', url: () => `/api/jobs/${readJobId}/restore-readiness`, expect: read },
  { name: 'read a job’s checklist', method: 'GET', path: '/api/jobs/:id/checklist', url: () => `/api/jobs/${readJobId}/checklist`, expect: read },
  { name: 'create a job', method: 'POST', path: '/api/jobs', url: () => '/api/jobs', payload: createJobBody, expect: operatorUp(201) },
  { name: 'edit a job', method: 'PATCH', path: '/api/jobs/:id', url: async () => `/api/jobs/${await jobIn('stopped', 'files_and_folders', {}, reversedServers())}`, payload: () => ({ name: `Roles renamed ${jobCount}` }), expect: operatorUp(200) },
  { name: 'delete a job', method: 'DELETE', path: '/api/jobs/:id', url: async () => `/api/jobs/${await jobIn('stopped')}`, expect: operatorUp(204) },
  { name: 'fail over', method: 'POST', path: '/api/jobs/:id/failover', url: async () => `/api/jobs/${await jobIn('protecting')}/failover`, payload: () => ({ type: 'live', queue: 'apply' }), expect: operatorUp(202) },
  { name: 'undo a test failover', method: 'POST', path: '/api/jobs/:id/undo-failover', url: async () => `/api/jobs/${await jobIn('test-failed-over', 'full_server')}/undo-failover`, payload: () => ({}), expect: operatorUp(202) },
  { name: 'restore', method: 'POST', path: '/api/jobs/:id/restore', url: async () => `/api/jobs/${await jobIn('failed-over')}/restore`, payload: () => ({ restoreData: true }), expect: operatorUp(202) },
  { name: 'fail back', method: 'POST', path: '/api/jobs/:id/failback', url: async () => `/api/jobs/${await jobIn('failed-over')}/failback`, payload: () => ({}), expect: operatorUp(202) },
  { name: 'reverse', method: 'POST', path: '/api/jobs/:id/reverse', url: async () => `/api/jobs/${await reversibleJob()}/reverse`, payload: () => ({}), expect: operatorUp(202) },
  { name: 'start', method: 'POST', path: '/api/jobs/:id/start', url: async () => `/api/jobs/${await jobIn('stopped')}/start`, payload: () => ({}), expect: operatorUp(202) },
  { name: 'stop', method: 'POST', path: '/api/jobs/:id/stop', url: async () => `/api/jobs/${await jobIn('protecting')}/stop`, payload: () => ({}), expect: operatorUp(202) },
  { name: 'take a snapshot', method: 'POST', path: '/api/jobs/:id/snapshots', url: async () => `/api/jobs/${await jobIn('protecting')}/snapshots`, payload: () => ({}), expect: operatorUp(202) },
  {
    name: 'tick a checklist step',
    method: 'POST',
    path: '/api/jobs/:id/checklist',
    url: async () => `/api/jobs/${await jobIn('failed-over')}/checklist`,
    payload: () => ({ checklist: 'restore-then-failback', itemId: 'rtf-stop-applications', isChecked: true }),
    expect: operatorUp(204),
  },

  // Notifications: everyone reads; operators and admins acknowledge.
  { name: 'list notifications', method: 'GET', path: '/api/notifications', url: () => '/api/notifications', expect: read },
  { name: 'list open notifications', method: 'GET', path: '/api/notifications', url: () => '/api/notifications?open=true', expect: read },
  { name: 'acknowledge a notification', method: 'POST', path: '/api/notifications/:id/acknowledge', url: async () => `/api/notifications/${await openNotification()}/acknowledge`, expect: operatorUp(200) },
];

describe.each(routes)('$method $name', (route) => {
  // Admin last: its success may remove what the others are refused.
  it.each(['anonymous', 'auditor', 'operator', 'admin'] as const)('as %s', async (role) => {
    const options = { method: route.method as 'GET', url: await route.url(), ...(route.payload ? { payload: route.payload() } : {}) };
    const res = role === 'anonymous' ? await t.app.inject(options) : await callers[role].request(options);
    expect(res.statusCode, res.body).toBe(route.expect[role]);
    if (res.statusCode === 403) {
      // The role needed: admin where operators are refused too, else operator (tokens: not above your own).
      const needed = route.expect.operator === 403 ? 'admin' : 'operator';
      expect(res.json().error.code).toBe('forbidden');
      expect(res.json().error.message).toMatch(new RegExp(`needs the ${needed} role|more than your own role`));
    }
  });
});

/** Every route the app registers, as `METHOD /path` (HEAD, which Fastify adds to each GET, left out). */
function registeredRoutes(): string[] {
  const found: string[] = [];
  const segments: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    segments.length = match[1]!.length / 4;
    segments.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ')) if (/^[A-Z]+$/.test(method) && method !== 'HEAD') found.push(`${method} ${segments.join('')}`);
  }
  return found;
}

describe('the table', () => {
  it('covers every jobs, operations, checklist and notifications route the app registers', () => {
    const registered = registeredRoutes();
    // The parse itself is checked: a change in printRoutes' layout must not make this test pass vacuously.
    expect(registered).toEqual(expect.arrayContaining(['GET /api/jobs', 'POST /api/jobs/:id/failover', 'POST /api/notifications/:id/acknowledge', 'GET /api/servers/:id']));
    const guarded = registered.filter((r) => /^\w+ \/api\/(jobs|operations|notifications)(\/|$)|checklist/.test(r));
    const covered = new Set(routes.filter((r) => r.path).map((r) => `${r.method} ${r.path}`));
    expect(guarded.filter((r) => !covered.has(r)), 'routes missing from the roles table').toEqual([]);
    expect([...covered].filter((r) => !registered.includes(r)), 'table rows naming no registered route').toEqual([]);
  });
});

describe('refusals', () => {
  it('names the role needed and the caller’s role in a 403', async () => {
    const res = await callers.auditor.request({ method: 'POST', url: '/api/servers', payload: serverBody() });
    expect(res.json().error).toMatchObject({ code: 'forbidden', message: 'This needs the admin role; you are auditor', details: { requiredRole: 'admin', yourRole: 'auditor' } });
  });

  it('names the operator role to an auditor refused a job command', async () => {
    const res = await callers.auditor.request({ method: 'POST', url: `/api/jobs/${readJobId}/failback`, payload: {} });
    expect(res.json().error).toMatchObject({ code: 'forbidden', message: 'This needs the operator role; you are auditor', details: { requiredRole: 'operator', yourRole: 'auditor' } });
  });

  it('records a refused command in the audit trail with actor and reason', async () => {
    await callers.operator.request({ method: 'POST', url: '/api/servers', payload: serverBody({ name: 'refused-one' }) });
    const row = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'server.create', outcome: 'refused' }, orderBy: { seq: 'desc' } });
    expect(row.actorName).toBe(callers.operator === undefined ? '' : (await t.db.prisma.user.findUniqueOrThrow({ where: { id: callers.operator.userId } })).username);
    expect(row.reason).toMatch(/forbidden: This needs the admin role/);
  });
});
