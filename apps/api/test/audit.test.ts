import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, serverBody, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let admin: Caller;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.callerWithRole('admin');
  for (let i = 0; i < 4; i += 1) await admin.request({ method: 'POST', url: '/api/servers', payload: serverBody({ name: `audit-${i}` }) });
});
afterEach(() => t.close());

const verify = async () => (await admin.request({ url: '/api/audit/verify' })).json();

/** Tampering needs the append-only trigger out of the way, as an attacker with database access would do. */
async function tamper(sql: string) {
  await t.db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe('ALTER TABLE audit_events ENABLE TRIGGER USER');
  });
}

describe('hash chain', () => {
  it('verifies an untouched chain', async () => {
    const result = await verify();
    expect(result).toMatchObject({ isValid: true, firstBroken: null });
    expect(result.checked).toBe(await t.db.prisma.auditEvent.count());
  });

  it('links each record to the hash of the one before', async () => {
    const rows = await t.db.prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it('detects an edited record and names it', async () => {
    await tamper(`UPDATE audit_events SET "actorName" = 'someone-else' WHERE seq = 3`);
    expect(await verify()).toMatchObject({ isValid: false, firstBroken: { seq: 3, problem: 'hash_mismatch' } });
  });

  it('detects an edit of before/after data', async () => {
    await tamper(`UPDATE audit_events SET "after" = '{"name":"forged"}' WHERE seq = 4`);
    expect((await verify()).firstBroken).toEqual({ seq: 4, problem: 'hash_mismatch' });
  });

  it('detects a deleted record', async () => {
    await tamper('DELETE FROM audit_events WHERE seq = 2');
    expect((await verify()).firstBroken).toEqual({ seq: 2, problem: 'missing_record' });
  });

  it('detects records cut from the end of the chain', async () => {
    const last = Number((await t.db.prisma.auditHead.findUniqueOrThrow({ where: { id: 1 } })).seq);
    await tamper(`DELETE FROM audit_events WHERE seq = ${last}`);
    expect((await verify()).firstBroken).toEqual({ seq: last, problem: 'head_mismatch' });
  });

  it('detects reordered records', async () => {
    await tamper('UPDATE audit_events SET seq = -1 WHERE seq = 2');
    await tamper('UPDATE audit_events SET seq = 2 WHERE seq = 3');
    await tamper('UPDATE audit_events SET seq = 3 WHERE seq = -1');
    const result = await verify();
    expect(result.isValid).toBe(false);
    expect(result.firstBroken.seq).toBe(2);
  });

  it('detects a record rewritten with a recomputed hash, by the broken link that follows', async () => {
    const rows = await t.db.prisma.auditEvent.findMany({ where: { seq: 3 } });
    const { hashAuditRecord } = await import('@syncsafe/domain');
    const forged = { ...rows[0]!, seq: 3, occurredAt: rows[0]!.occurredAt.toISOString(), actorName: 'forger' };
    const hash = hashAuditRecord(forged.prevHash, { ...forged, before: forged.before ?? null, after: forged.after ?? null });
    await tamper(`UPDATE audit_events SET "actorName" = 'forger', hash = '${hash}' WHERE seq = 3`);
    expect((await verify()).firstBroken).toEqual({ seq: 4, problem: 'link_mismatch' });
  });
});

describe('append-only', () => {
  it('the database refuses UPDATE and DELETE of audit records', async () => {
    await expect(t.db.prisma.$executeRawUnsafe(`UPDATE audit_events SET "actorName" = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.prisma.$executeRawUnsafe('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    expect((await verify()).isValid).toBe(true);
  });

  it('the API has no route that changes or deletes a record', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      expect((await admin.request({ method, url: '/api/audit', payload: {} })).statusCode).toBe(404);
    }
  });

  it('keeps a single chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => admin.request({ method: 'POST', url: '/api/servers', payload: serverBody({ name: `burst-${i}` }) })));
    expect(await verify()).toMatchObject({ isValid: true });
  });
});

describe('querying', () => {
  it('filters by kind, actor, outcome and target, newest first, and pages', async () => {
    const all = (await admin.request({ url: '/api/audit?kind=server.create' })).json();
    expect(all.items).toHaveLength(4);
    expect(all.items.map((e: { targetName: string }) => e.targetName)).toEqual(['audit-3', 'audit-2', 'audit-1', 'audit-0']);
    const page1 = (await admin.request({ url: '/api/audit?kind=server&limit=3' })).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await admin.request({ url: `/api/audit?kind=server&limit=3&before=${page1.nextBefore}` })).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextBefore).toBeNull();
    const server = all.items[0];
    const byServer = (await admin.request({ url: `/api/audit?serverId=${server.targetId}` })).json();
    expect(byServer.items).toHaveLength(1);
    const me = await t.db.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } });
    expect((await admin.request({ url: `/api/audit?actor=${me.username}&outcome=success&kind=server` })).json().items).toHaveLength(4);
    expect((await admin.request({ url: '/api/audit?outcome=refused' })).json().items).toHaveLength(0);
  });

  it('filters by time range', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await admin.request({ url: `/api/audit?from=${encodeURIComponent(future)}` })).json().items).toHaveLength(0);
    expect((await admin.request({ url: `/api/audit?to=${encodeURIComponent(future)}&kind=server` })).json().items).toHaveLength(4);
  });

  it('exports CSV with a header row and one line per record, oldest first, filtered', async () => {
    const res = await admin.request({ url: '/api/audit/export?format=csv&kind=server.create' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="syncsafe-audit-.*\.csv"/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq,occurredAt,actorName/);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('audit-0');
  });

  it('exports JSON that parses and carries the hashes', async () => {
    const res = await admin.request({ url: '/api/audit/export?format=json' });
    const events = JSON.parse(res.body);
    expect(events.length).toBe(await t.db.prisma.auditEvent.count());
    expect(events[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    await admin.request({ method: 'POST', url: '/api/servers', payload: serverBody({ name: '=HYPERLINK("x")' }) });
    const res = await admin.request({ url: '/api/audit/export?format=csv&kind=server.create' });
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
