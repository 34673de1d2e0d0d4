import type { FastifyInstance } from 'fastify';
import { AgentStepCommandSchema, AgentStepIdSchema, type AgentStepRecord } from '@syncsafe/contracts';
import { z } from 'zod';
import { startStep } from '../../steps/start-step.ts';
import { notFound, parseInput } from '../agent-error.ts';
import type { AgentServices } from '../agent-services.ts';

const StepParamsSchema = z.object({ stepId: AgentStepIdSchema });
const StepQuerySchema = z.object({ waitMs: z.coerce.number().int().min(0).max(60_000).default(20_000) });

function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * `POST /v1/steps/:stepId` runs a step, or returns the first result for a step id already used.
 * It answers 200 with the finished record, or 202 while the step still runs (poll `GET`).
 */
export async function stepRoutes(app: FastifyInstance, services: AgentServices): Promise<void> {
  const deps = { jobs: services.jobs, machine: services.machine, channels: services.channels, dataDir: services.dataDir, bus: services.bus };

  app.post('/v1/steps/:stepId', async (request, reply) => {
    const { stepId } = parseInput(StepParamsSchema, request.params, 'params');
    const { waitMs } = parseInput(StepQuerySchema, request.query, 'query');
    const command = parseInput(AgentStepCommandSchema, request.body, 'body');
    const run = startStep(stepId, command, deps, services.steps, services.stepLock);
    const record = await waitAtMost(run.done, waitMs);
    const effect = run.takeEffect();
    if (effect) {
      let hasRun = false;
      const runOnce = () => {
        if (!hasRun) effect();
        hasRun = true;
      };
      reply.raw.once('finish', runOnce);
      reply.raw.once('close', runOnce);
    }
    if (record) return record;
    return reply.code(202).send(services.steps.get(stepId) satisfies AgentStepRecord | null);
  });

  app.get('/v1/steps/:stepId', async (request) => {
    const { stepId } = parseInput(StepParamsSchema, request.params, 'params');
    const record = services.steps.get(stepId);
    if (!record) throw notFound(`step ${stepId} is unknown to this agent`);
    return record;
  });
}
