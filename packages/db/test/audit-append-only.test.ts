import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/index.ts';
import { createTestDatabase } from '../src/testing/index.ts';

const APPEND_ONLY = /audit_events is append-only/;

describe('audit_events', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase();
    await db.prisma.auditEvent.create({
      data: {
        seq: 1n,
        occurredAt: new Date(),
        actorName: 'system',
        action: 'system.start',
        outcome: 'success',
        prevHash: '0'.repeat(64),
        hash: 'a'.repeat(64),
      },
    });
    return () => db.close();
  });

  it('accepts inserts', async () => {
    expect(await db.prisma.auditEvent.count()).toBe(1);
  });

  it('refuses UPDATE', async () => {
    await expect(db.prisma.auditEvent.update({ where: { seq: 1n }, data: { actorName: 'someone' } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "audit_events" SET "actorName" = 'x'`)).rejects.toThrow(APPEND_ONLY);
    expect((await db.prisma.auditEvent.findUniqueOrThrow({ where: { seq: 1n } })).actorName).toBe('system');
  });

  it('refuses DELETE, even of no row', async () => {
    await expect(db.prisma.auditEvent.delete({ where: { seq: 1n } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.prisma.auditEvent.deleteMany({ where: { seq: 999n } })).rejects.toThrow(APPEND_ONLY);
    expect(await db.prisma.auditEvent.count()).toBe(1);
  });

  it('refuses TRUNCATE', async () => {
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE "audit_events"')).rejects.toThrow(APPEND_ONLY);
    expect(await db.prisma.auditEvent.count()).toBe(1);
  });
});
