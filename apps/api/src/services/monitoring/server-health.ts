import type { PrismaClient } from '@syncsafe/db';
import { retryOnWriteConflict } from '../../lib/write-conflict.ts';
import { emitEvent } from '../events/emit-event.ts';
import { isRecordGone } from './is-record-gone.ts';

/** A server is shown offline after this long without a heartbeat. */
const OFFLINE_AFTER_MS = 10_000;
/** While online, Last seen is written at most this often (every write goes to every console). */
const REFRESH_AFTER_MS = 5000;

interface WrittenHealth {
  status: string;
  lastSeenAt: Date | null;
}

/**
 * Server health (online / offline, Last seen) from heartbeats. What was last written for each server
 * is kept here, read from its row the first time, so a heartbeat reads nothing: this monitor is the
 * only writer of these columns.
 */
export class ServerHealth {
  private readonly written = new Map<string, WrittenHealth>();

  constructor(private readonly prisma: PrismaClient) {}

  /** A heartbeat counted: online, and Last seen refreshed when older than a few seconds. */
  async heard(serverId: string): Promise<void> {
    const last = await this.lastWritten(serverId);
    if (!last) return;
    if (last.status === 'online' && last.lastSeenAt && Date.now() - last.lastSeenAt.getTime() <= REFRESH_AFTER_MS) return;
    await this.write(serverId, 'online');
  }

  /** Servers not offline whose agent was last heard (`heardAt`) too long ago are offline now. */
  async markOffline(heardAt: (serverId: string) => number): Promise<void> {
    const now = Date.now();
    const online = await this.prisma.server.findMany({ where: { status: { not: 'offline' } }, select: { id: true } });
    for (const { id } of online) {
      if (now - heardAt(id) > OFFLINE_AFTER_MS) await this.write(id, 'offline');
    }
  }

  /** The server is gone. */
  forget(serverId: string): void {
    this.written.delete(serverId);
  }

  private async lastWritten(serverId: string): Promise<WrittenHealth | null> {
    const known = this.written.get(serverId);
    if (known) return known;
    const row = await this.prisma.server.findUnique({ where: { id: serverId }, select: { status: true, lastSeenAt: true } });
    if (row) this.written.set(serverId, row);
    return row;
  }

  private async write(serverId: string, status: 'online' | 'offline') {
    try {
      const row = await retryOnWriteConflict(() =>
        this.prisma.$transaction(async (tx) => {
          const lastSeenAt = status === 'online' ? new Date() : undefined;
          const updated = await tx.server.update({ where: { id: serverId }, data: { status, ...(lastSeenAt ? { lastSeenAt } : {}) }, select: { status: true, lastSeenAt: true } });
          await emitEvent(tx, { type: 'server.health', data: { id: serverId, status, lastSeenAt: updated.lastSeenAt?.toISOString() ?? null } });
          return updated;
        }),
      );
      this.written.set(serverId, row);
    } catch (err) {
      // Unknown what was committed: read the row again next time.
      this.forget(serverId);
      if (!isRecordGone(err)) throw err;
    }
  }
}
