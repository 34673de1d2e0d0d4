import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../src/services/secret-box.ts';
import { createTestApp, serverBody, TEST_SECRET_KEY, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let admin: Caller;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.callerWithRole('admin');
});
afterAll(() => t.close());

const addServer = (overrides: Record<string, unknown> = {}) => admin.request({ method: 'POST', url: '/api/servers', payload: serverBody(overrides) });

describe('adding a server', () => {
  it('adds a server with defaults (port 6320, reserved address, standalone) and never returns the password', async () => {
    const res = await addServer({ name: 'web01', address: '192.168.10.5', password: 'Sup3r-Secret-Pass' });
    expect(res.statusCode).toBe(201);
    const server = res.json();
    expect(server).toMatchObject({
      name: 'web01', address: '192.168.10.5', port: 6320, addressKind: 'reserved', username: 'Administrator', hasPassword: true,
      isClustered: false, isDomainController: false, hasNameSpecificApp: false, networkAdapters: [], licenses: [], status: 'unknown', version: 1,
    });
    expect(res.body).not.toContain('Sup3r-Secret-Pass');
    expect(res.body).not.toMatch(/passwordCiphertext|"password"/);
  });

  it('knows no services until its agent is reached, and takes none from the request', async () => {
    const added = await addServer({ services: [{ name: 'AntiVirus', isCritical: false, canStop: false, state: 'running' }], servicesLearnedAt: '2026-01-01T00:00:00.000Z' });
    expect(added.statusCode).toBe(201);
    const read = (await admin.request({ url: `/api/servers/${added.json().id}` })).json();
    expect(read).toMatchObject({ services: [], servicesLearnedAt: null });
  });

  it('accepts IPv6 and host names, and the NAT / private address kinds with another port', async () => {
    expect((await addServer({ address: 'FE80::0:1', addressKind: 'public_nat', port: 16320 })).json()).toMatchObject({ address: 'fe80::1', addressKind: 'public_nat', port: 16320 });
    expect((await addServer({ address: 'Files02.Corp.Example.', addressKind: 'private' })).json()).toMatchObject({ address: 'files02.corp.example', addressKind: 'private' });
  });

  it('keeps flags, adapters and license keys', async () => {
    const res = await addServer({
      isClustered: true, isDomainController: true, hasNameSpecificApp: true,
      networkAdapters: ['Production', 'Heartbeat'], licenses: ['abcd-1234-efgh', 'ZZZZ-0000'],
    });
    expect(res.json()).toMatchObject({
      isClustered: true, isDomainController: true, hasNameSpecificApp: true, networkAdapters: ['Production', 'Heartbeat'],
      licenses: [{ key: 'ABCD-1234-EFGH' }, { key: 'ZZZZ-0000' }],
    });
  });

  it('refuses a duplicate address:port with 409 naming the server that has it, and changes nothing', async () => {
    const first = (await addServer({ name: 'dup-a', address: '10.9.9.9' })).json();
    const count = await t.db.prisma.server.count();
    const res = await addServer({ name: 'dup-b', address: '10.9.9.9' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: 'Server dup-a already uses 10.9.9.9 port 6320', details: { serverId: first.id } });
    expect(await t.db.prisma.server.count()).toBe(count);
    expect((await addServer({ name: 'dup-c', address: '10.9.9.9', port: 7000 })).statusCode).toBe(201);
  });

  it('stores the password encrypted with AES-256-GCM bound to the server, never in clear', async () => {
    const password = 'Clear-Text-Must-Not-Appear-42';
    const { id } = (await addServer({ password })).json();
    const row = await t.db.prisma.server.findUniqueOrThrow({ where: { id } });
    expect(row.passwordCiphertext).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row.passwordCiphertext).not.toContain(password);
    const dump = JSON.stringify(await t.db.prisma.$queryRawUnsafe('SELECT * FROM servers'));
    expect(dump).not.toContain(password);
    const audit = JSON.stringify(await t.db.prisma.auditEvent.findMany({ select: { before: true, after: true, reason: true } }));
    expect(audit).not.toContain(password);
    const box = createSecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
    expect(box.open(row.passwordCiphertext, id)).toBe(password);
    expect(() => box.open(row.passwordCiphertext, 'another-server-id')).toThrow();
  });

  it('records the addition in the audit trail without secrets', async () => {
    const { id } = (await addServer({ name: 'audited' })).json();
    const row = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'server.create', targetId: id } });
    expect(row).toMatchObject({ outcome: 'success', targetType: 'server', targetName: 'audited' });
    expect(row.after).toMatchObject({ name: 'audited', port: 6320 });
    expect(JSON.stringify(row.after)).not.toMatch(/password/i);
  });
});

describe('editing a server', () => {
  it('edits the address in place: the server keeps its id', async () => {
    const created = (await addServer({ address: '10.1.1.1' })).json();
    const res = await admin.request({ method: 'PATCH', url: `/api/servers/${created.id}`, payload: { address: '10.2.2.2', expectedVersion: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: created.id, address: '10.2.2.2', version: 2 });
    expect((await admin.request({ url: `/api/servers/${created.id}` })).json().address).toBe('10.2.2.2');
  });

  it('refuses a stale expectedVersion with 409 and the current version', async () => {
    const created = (await addServer()).json();
    await admin.request({ method: 'PATCH', url: `/api/servers/${created.id}`, payload: { isClustered: true } });
    const res = await admin.request({ method: 'PATCH', url: `/api/servers/${created.id}`, payload: { name: 'late', expectedVersion: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ currentVersion: 2 });
    expect((await admin.request({ url: `/api/servers/${created.id}` })).json().name).not.toBe('late');
  });

  it('refuses moving onto another server’s address:port', async () => {
    const a = (await addServer({ address: '10.3.3.3' })).json();
    const b = (await addServer({ address: '10.4.4.4' })).json();
    const res = await admin.request({ method: 'PATCH', url: `/api/servers/${b.id}`, payload: { address: '10.3.3.3' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.serverId).toBe(a.id);
  });

  it('re-encrypts a changed password and records only that it changed', async () => {
    const created = (await addServer()).json();
    await admin.request({ method: 'PATCH', url: `/api/servers/${created.id}`, payload: { password: 'New-Local-Pass-9' } });
    const row = await t.db.prisma.server.findUniqueOrThrow({ where: { id: created.id } });
    expect(createSecretBox(Buffer.from(TEST_SECRET_KEY, 'base64')).open(row.passwordCiphertext, created.id)).toBe('New-Local-Pass-9');
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'server.update', targetId: created.id } });
    expect(audit.after).toMatchObject({ passwordChanged: true });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain('New-Local-Pass-9');
  });
});

describe('licensing', () => {
  it('adds, lists and removes license keys; a duplicate is refused', async () => {
    const { id } = (await addServer()).json();
    const added = await admin.request({ method: 'POST', url: `/api/servers/${id}/licenses`, payload: { key: 'lic-0001-aaaa' } });
    expect(added.statusCode).toBe(201);
    expect(added.json().licenses).toEqual([{ key: 'LIC-0001-AAAA', addedAt: expect.any(String) }]);
    const dup = await admin.request({ method: 'POST', url: `/api/servers/${id}/licenses`, payload: { key: 'LIC-0001-AAAA' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/already on server/);
    const removed = await admin.request({ method: 'DELETE', url: `/api/servers/${id}/licenses/LIC-0001-AAAA` });
    expect(removed.json().licenses).toEqual([]);
    const again = await admin.request({ method: 'DELETE', url: `/api/servers/${id}/licenses/LIC-0001-AAAA` });
    expect(again.statusCode).toBe(404);
  });
});

describe('deleting a server', () => {
  it('refuses while a job uses it, naming the job; deletes it otherwise', async () => {
    const source = (await addServer()).json();
    const target = (await addServer()).json();
    await t.db.prisma.job.create({ data: { name: 'Protect web', type: 'files_and_folders', sourceServerId: source.id, targetServerId: target.id, state: 'protecting', options: {} } });
    for (const id of [source.id, target.id]) {
      const res = await admin.request({ method: 'DELETE', url: `/api/servers/${id}` });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'conflict', details: { jobName: 'Protect web' } });
      expect(res.json().error.message).toContain('job Protect web');
    }
    await t.db.prisma.job.deleteMany({ where: { name: 'Protect web' } });
    expect((await admin.request({ method: 'DELETE', url: `/api/servers/${source.id}` })).statusCode).toBe(204);
    expect((await admin.request({ url: `/api/servers/${source.id}` })).statusCode).toBe(404);
  });
});

describe('listing servers', () => {
  it('searches by name or address and pages with a cursor', async () => {
    for (let i = 0; i < 5; i += 1) await addServer({ name: `page-${i}`, address: `page-${i}.example` });
    const first = (await admin.request({ url: '/api/servers?q=page-&limit=2' })).json();
    expect(first.items.map((s: { name: string }) => s.name)).toEqual(['page-0', 'page-1']);
    const second = (await admin.request({ url: `/api/servers?q=page-&limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((s: { name: string }) => s.name)).toEqual(['page-2', 'page-3']);
    const byAddress = (await admin.request({ url: '/api/servers?q=PAGE-4.EXAMPLE' })).json();
    expect(byAddress.items).toHaveLength(1);
  });
});
