import type { FastifyInstance } from 'fastify';
import { AgentJobIdSchema, AgentJobSetupRequestSchema } from '@syncsafe/contracts';
import { z } from 'zod';
import { parseInput } from '../agent-error.ts';
import type { AgentServices } from '../agent-services.ts';

const JobParamsSchema = z.object({ jobId: AgentJobIdSchema });
const QueueQuerySchema = z.object({ limit: z.coerce.number().int().min(0).max(100_000).default(1000) });

/** Job setup (an idempotent PUT), status, snapshots and the target queue's content. */
export async function jobRoutes(app: FastifyInstance, { jobs }: AgentServices): Promise<void> {
  app.get('/v1/jobs', async () => ({ jobs: jobs.list() }));

  app.put('/v1/jobs/:jobId', async (request) => {
    const { jobId } = parseInput(JobParamsSchema, request.params, 'params');
    const setup = parseInput(AgentJobSetupRequestSchema, request.body, 'body');
    return jobs.setUp(jobId, setup);
  });

  app.get('/v1/jobs/:jobId', async (request) => {
    const { jobId } = parseInput(JobParamsSchema, request.params, 'params');
    return jobs.status(jobId);
  });

  app.delete('/v1/jobs/:jobId', async (request, reply) => {
    const { jobId } = parseInput(JobParamsSchema, request.params, 'params');
    await jobs.delete(jobId);
    return reply.code(204).send();
  });

  app.get('/v1/jobs/:jobId/snapshots', async (request) => {
    const { jobId } = parseInput(JobParamsSchema, request.params, 'params');
    return { snapshots: jobs.target(jobId).snapshots.list() };
  });

  app.get('/v1/jobs/:jobId/queue', async (request) => {
    const { jobId } = parseInput(JobParamsSchema, request.params, 'params');
    const { limit } = parseInput(QueueQuerySchema, request.query, 'query');
    return jobs.target(jobId).queueListing(limit);
  });
}
