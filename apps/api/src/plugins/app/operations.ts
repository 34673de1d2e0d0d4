import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AgentDirectory } from '../../services/operations/agent-port.ts';
import { OperationRunner } from '../../services/operations/operation-runner.ts';
import { ProtectionRepointer } from '../../services/operations/protection-repointer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    operations: OperationRunner;
    repointer: ProtectionRepointer;
  }
}

/**
 * Runs operations against agents; on start it resumes what a previous process left unfinished. Also
 * points running replication at a server whose address or port was edited.
 */
export default fp(async function operations(app: FastifyInstance, opts: { agents: AgentDirectory }) {
  const runner = new OperationRunner(app.db, opts.agents, app.log);
  const repointer = new ProtectionRepointer(app.db, opts.agents, app.log);
  app.decorate('operations', runner);
  app.decorate('repointer', repointer);
  app.addHook('onReady', async () => {
    const resumed = await runner.resumeAll();
    if (resumed > 0) app.log.info({ resumed }, 'resumed unfinished operations');
  });
  app.addHook('preClose', async () => {
    await runner.stop();
    repointer.stop();
  });
});
