import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AgentMonitor } from '../../services/monitoring/agent-monitor.ts';
import { SnapshotScheduler } from '../../services/monitoring/snapshot-scheduler.ts';
import type { AgentDirectory } from '../../services/operations/agent-port.ts';

declare module 'fastify' {
  interface FastifyInstance {
    monitor: AgentMonitor | null;
  }
}

/** Heartbeats, progress, the failover condition and scheduled snapshots; off in tests that have no agents. */
export default fp(async function monitoring(app: FastifyInstance, opts: { agents: AgentDirectory; isEnabled: boolean }) {
  if (!opts.isEnabled) {
    app.decorate('monitor', null);
    return;
  }
  const monitor = new AgentMonitor(app.db, opts.agents, app.log, (id) => app.operations.enqueue(id));
  const scheduler = new SnapshotScheduler(app.db.prisma, app.log, (id) => app.operations.enqueue(id), Date.now, opts.agents);
  app.decorate('monitor', monitor);
  app.addHook('onReady', async () => {
    monitor.start();
    scheduler.start();
  });
  app.addHook('preClose', async () => {
    await monitor.stop();
    scheduler.stop();
  });
});
