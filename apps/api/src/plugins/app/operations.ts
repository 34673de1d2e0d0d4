import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AgentDirectory } from '../../services/operations/agent-port.ts';
import { OperationRunner } from '../../services/operations/operation-runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    operations: OperationRunner;
  }
}

/** Runs operations against agents; on start it resumes what a previous process left unfinished. */
export default fp(async function operations(app: FastifyInstance, opts: { agents: AgentDirectory }) {
  const runner = new OperationRunner(app.db, opts.agents, app.log);
  app.decorate('operations', runner);
  app.addHook('onReady', async () => {
    const resumed = await runner.resumeAll();
    if (resumed > 0) app.log.info({ resumed }, 'resumed unfinished operations');
  });
  app.addHook('preClose', () => runner.stop());
});
