import type { PrismaClient } from '@syncsafe/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AgentDirectory } from '../operations/agent-port.ts';

/**
 * Learns the services of the identity each machine holds (`GET /v1/info`), with its machine id and
 * identity name: on each (re)connect and each identity change (failover, Reverse). The Failover dialog
 * names from them the services that cannot stop.
 */
export class ServiceLearning {
  /** One read of a server's services at a time, in order, so an older answer never overwrites a newer one. */
  private readonly learning = new Map<string, Promise<void>>();
  private isStopped = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly agents: AgentDirectory,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Queues a read of the services the machine's identity has now (see `learning`). */
  learn(serverId: string): Promise<void> {
    const next = (this.learning.get(serverId) ?? Promise.resolve()).then(() => this.readServices(serverId));
    this.learning.set(serverId, next);
    void next.then(() => {
      if (this.learning.get(serverId) === next) this.learning.delete(serverId);
    });
    return next;
  }

  /** Reads still queued or under way write nothing. */
  stop(): void {
    this.isStopped = true;
  }

  /** Never fails monitoring: when the agent cannot say, the services last learned stay as they were. */
  private async readServices(serverId: string) {
    if (this.isStopped) return;
    try {
      const { identity, machineId } = await (await this.agents(serverId)).info();
      if (this.isStopped) return;
      // updateMany: the server may have been deleted meanwhile, which is not an error.
      await this.prisma.server.updateMany({
        where: { id: serverId },
        data: { services: identity.services, servicesLearnedAt: new Date(), machineId, hostName: identity.name },
      });
    } catch (err) {
      this.log.warn({ err, serverId }, 'cannot learn the services of the agent’s identity; keeping those last learned');
    }
  }
}
