import type { FastifyInstance } from 'fastify';
import type { AgentHealth } from '@syncsafe/contracts';
import type { AgentServices } from '../agent-services.ts';

/** Public: answers while the machine is on and connected (a powered-off machine does not answer at all). */
export async function healthRoutes(app: FastifyInstance, services: AgentServices): Promise<void> {
  app.get('/v1/health', async (): Promise<AgentHealth> => ({ status: 'ok', machineId: services.machine.machineId }));
}
