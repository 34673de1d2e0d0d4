import { JobOptionsSchema } from '@syncsafe/contracts';
import type { Database } from '@syncsafe/db';
import { isSending, roleServer } from '@syncsafe/domain';
import type { FastifyBaseLogger } from 'fastify';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append-audit.ts';
import { fromRowEnum } from '@syncsafe/db';
import { jobInclude, type JobRow } from '../jobs/load-job.ts';
import type { AgentDirectory } from './agent-port.ts';
import { repointProtection } from './ensure-protection-setup.ts';
import { errorText } from '../../lib/error-text.ts';

/** A server edited in place to another address or port (committed). */
export interface ServerMove {
  serverId: string;
  before: { address: string; port: number };
}

/**
 * Follows a receiving machine to its new address or port. A source agent was given the target's
 * address when protection was set up; after an admin edits that server in place, every job whose
 * replication runs towards it (the job's target, or the original source of a reversed Full Server job)
 * gets its source pointed there, without a Stop and Start. Runs in the background after the edit
 * committed; each job's outcome is logged and audited (`job.repoint`). An agent that cannot be reached
 * gets a failure recorded: the next Start or Reverse sets the job up with the new address anyway.
 */
export class ProtectionRepointer {
  /** Moves of one server are followed one after the other, so an older move never lands after a newer one. */
  private readonly chains = new Map<string, Promise<void>>();
  private isStopping = false;

  constructor(
    private readonly db: Database,
    private readonly agents: AgentDirectory,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Never throws: what goes wrong is logged and audited, and the edit that moved the server stands. */
  follow(move: ServerMove): void {
    if (this.isStopping) return;
    const previous = this.chains.get(move.serverId) ?? Promise.resolve();
    const next = previous
      .then(() => this.repointJobsReceivingOn(move))
      .catch((err: unknown) => this.log.error({ err, serverId: move.serverId }, 'could not re-point replication at a moved server'))
      .finally(() => {
        if (this.chains.get(move.serverId) === next) this.chains.delete(move.serverId);
      });
    this.chains.set(move.serverId, next);
  }

  /** Resolves when every move followed so far is done (tests). */
  async settled(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  stop(): void {
    this.isStopping = true;
  }

  private async repointJobsReceivingOn(move: ServerMove): Promise<void> {
    const { prisma } = this.db;
    const rows = await prisma.job.findMany({
      where: { OR: [{ sourceServerId: move.serverId }, { targetServerId: move.serverId }] },
      include: jobInclude,
      orderBy: { createdAt: 'asc' },
    });
    for (const row of rows) {
      if (this.isStopping) return;
      if (!isSending(fromRowEnum(row.state))) continue;
      const { from, to } = machinesOf(row);
      if (to.id !== move.serverId) continue;
      let error: string | null = null;
      try {
        const options = JobOptionsSchema.parse(row.options);
        const job = { id: row.id, type: fromRowEnum(row.type), directories: row.directories, replicaRoot: row.replicaRoot, reverseReplicaRoot: options.reverseReplicaRoot, targetServerId: row.targetServerId };
        await repointProtection(this.agents, job, from, to);
        this.log.info({ jobId: row.id, serverId: to.id, address: to.address, port: to.port }, 'replication re-pointed at the moved server');
      } catch (err) {
        error = errorText(err);
        this.log.warn({ jobId: row.id, serverId: to.id, address: to.address, port: to.port, err: error }, 'could not re-point replication at the moved server; the next Start or Reverse sets it up');
      }
      await prisma.$transaction((tx) =>
        appendAudit(tx, SYSTEM_ACTOR, {
          action: 'job.repoint',
          target: { type: 'job', id: row.id, name: row.name },
          before: { receivingServer: to.name, ...move.before },
          after: { receivingServer: to.name, address: to.address, port: to.port, sendingServer: from.name },
          outcome: error ? 'failure' : 'success',
          reason: error,
        }),
      );
    }
  }
}

/** The machine sending and the machine receiving now (Reverse swaps them for Full Server jobs). */
function machinesOf(row: JobRow) {
  const facts = { type: fromRowEnum(row.type), isReversed: row.isReversed, servers: { source: row.source, target: row.target, test: null } };
  const serverOf = (id: string) => (id === row.source.id ? row.source : row.target);
  return { from: serverOf(roleServer(facts, 'source').id), to: serverOf(roleServer(facts, 'target').id) };
}
