import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChecklistStateResponseSchema,
  ChecklistTickRequestSchema,
  CommandRequestSchema,
  CreateJobRequestSchema,
  ErrorResponseSchema,
  FailoverRequestSchema,
  JobActionsSchema,
  JobHistoryResponseSchema,
  JobListQuerySchema,
  JobListResponseSchema,
  JobSchema,
  OperationListResponseSchema,
  OperationSchema,
  RestoreReadinessQuerySchema,
  RestoreReadinessSchema,
  RestoreRequestSchema,
  SnapshotListResponseSchema,
  UpdateJobRequestSchema,
} from '@syncsafe/contracts';
import type { JobCommandInput } from '@syncsafe/domain';
import { actorOf } from '../../lib/actor.ts';
import { requireRole } from '../../plugins/app/auth.ts';
import { checklistState, tickChecklist } from '../../services/jobs/checklist.ts';
import { restoreReadiness } from '../../services/jobs/restore-readiness.ts';
import { getJobActions, getJobHistory, getOperation, listOperations, listSnapshots } from '../../services/jobs/job-reads.ts';
import { createJob, deleteJob, getJob, listJobs, updateJob } from '../../services/jobs/jobs.ts';
import { submitCommand } from '../../services/jobs/submit-command.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const IdParams = z.object({ id: z.uuid('id must be a UUID') });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().trim().min(1).max(200).optional() });
const tags = ['jobs'];
const operator = requireRole('operator');

/** The toolbar's commands that take only `expectedVersion`. */
const SIMPLE_COMMANDS = ['undo-failover', 'failback', 'reverse', 'start', 'stop'] as const;

/** Jobs: everyone signed in reads; operators (and admins) create, edit, delete and run commands. */
const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.db;

  /** Persists the command as an operation, starts running it, answers 202 with it. */
  async function runCommand(jobId: string, input: JobCommandInput, meta: { actor: ReturnType<typeof actorOf>; expectedVersion?: number | undefined; idempotencyKey?: string | undefined }) {
    const { operationId } = await submitCommand(prisma, jobId, input, meta);
    app.operations.enqueue(operationId);
    return getOperation(prisma, operationId);
  }

  app.get('/api/jobs', { schema: { tags, querystring: JobListQuerySchema, response: { 200: JobListResponseSchema, ...errors } } }, async (request) =>
    listJobs(prisma, request.query),
  );

  app.post(
    '/api/jobs',
    { preValidation: operator, config: { audit: 'job.create' }, schema: { tags, body: CreateJobRequestSchema, response: { 201: JobSchema, ...errors } } },
    async (request, reply) => {
      const { job, operationId } = await createJob(prisma, actorOf(request), request.body);
      app.operations.enqueue(operationId);
      return reply.status(201).send(job);
    },
  );

  app.get('/api/jobs/:id', { schema: { tags, params: IdParams, response: { 200: JobSchema, ...errors } } }, async (request) => getJob(prisma, request.params.id));

  app.patch(
    '/api/jobs/:id',
    { preValidation: operator, config: { audit: 'job.edit' }, schema: { tags, params: IdParams, body: UpdateJobRequestSchema, response: { 200: JobSchema, ...errors } } },
    async (request) => updateJob(prisma, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/jobs/:id',
    { preValidation: operator, config: { audit: 'job.delete' }, schema: { tags, params: IdParams, response: { 204: z.undefined(), ...errors } } },
    async (request, reply) => {
      await deleteJob(prisma, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/jobs/:id/actions',
    { schema: { tags, summary: 'Every command: allowed or why not, and the options it offers now', params: IdParams, response: { 200: JobActionsSchema.extend({ jobId: z.uuid(), version: z.number().int() }), ...errors } } },
    async (request) => getJobActions(prisma, request.params.id),
  );

  app.post(
    '/api/jobs/:id/failover',
    {
      preValidation: operator,
      config: { audit: 'job.failover' },
      schema: { tags, summary: 'Failover or Cutover', params: IdParams, headers: IdempotencyHeaders, body: FailoverRequestSchema, response: { 202: OperationSchema, ...errors } },
    },
    async (request, reply) => {
      const { expectedVersion, ...options } = request.body;
      const operation = await runCommand(request.params.id, { command: 'failover', ...options }, { actor: actorOf(request), expectedVersion, idempotencyKey: request.headers['idempotency-key'] });
      return reply.status(202).send(operation);
    },
  );

  app.post(
    '/api/jobs/:id/restore',
    {
      preValidation: operator,
      config: { audit: 'job.restore' },
      schema: { tags, summary: 'Restore (Restore Data / Do Not Restore Data)', params: IdParams, headers: IdempotencyHeaders, body: RestoreRequestSchema, response: { 202: OperationSchema, ...errors } },
    },
    async (request, reply) => {
      const { expectedVersion, ...options } = request.body;
      const operation = await runCommand(request.params.id, { command: 'restore', ...options }, { actor: actorOf(request), expectedVersion, idempotencyKey: request.headers['idempotency-key'] });
      return reply.status(202).send(operation);
    },
  );

  for (const command of SIMPLE_COMMANDS) {
    app.post(
      `/api/jobs/:id/${command}`,
      {
        preValidation: operator,
        config: { audit: `job.${command}` },
        schema: { tags, params: IdParams, headers: IdempotencyHeaders, body: CommandRequestSchema.optional(), response: { 202: OperationSchema, ...errors } },
      },
      async (request, reply) => {
        const operation = await runCommand(request.params.id, { command }, { actor: actorOf(request), expectedVersion: request.body?.expectedVersion, idempotencyKey: request.headers['idempotency-key'] });
        return reply.status(202).send(operation);
      },
    );
  }

  app.get('/api/jobs/:id/snapshots', { schema: { tags, params: IdParams, response: { 200: SnapshotListResponseSchema, ...errors } } }, async (request) =>
    listSnapshots(prisma, request.params.id),
  );

  app.post(
    '/api/jobs/:id/snapshots',
    {
      preValidation: operator,
      config: { audit: 'job.take-snapshot' },
      schema: { tags, summary: 'Take Snapshot (Manual)', params: IdParams, headers: IdempotencyHeaders, body: CommandRequestSchema.optional(), response: { 202: OperationSchema, ...errors } },
    },
    async (request, reply) => {
      const operation = await runCommand(request.params.id, { command: 'take-snapshot', snapshotType: 'manual' }, { actor: actorOf(request), expectedVersion: request.body?.expectedVersion, idempotencyKey: request.headers['idempotency-key'] });
      return reply.status(202).send(operation);
    },
  );

  app.get('/api/jobs/:id/operations', { schema: { tags, params: IdParams, response: { 200: OperationListResponseSchema, ...errors } } }, async (request) =>
    listOperations(prisma, request.params.id),
  );

  app.get('/api/operations/:id', { schema: { tags, params: IdParams, response: { 200: OperationSchema, ...errors } } }, async (request) =>
    getOperation(prisma, request.params.id),
  );

  app.get('/api/jobs/:id/checklist', { schema: { tags, params: IdParams, response: { 200: ChecklistStateResponseSchema, ...errors } } }, async (request) =>
    checklistState(prisma, request.params.id),
  );

  app.post(
    '/api/jobs/:id/checklist',
    {
      preValidation: operator,
      config: { audit: 'job.checklist' },
      schema: { tags, summary: 'Tick a manual preparation step (audited)', params: IdParams, body: ChecklistTickRequestSchema, response: { 204: z.undefined(), ...errors } },
    },
    async (request, reply) => {
      await tickChecklist(prisma, actorOf(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/jobs/:id/restore-readiness',
    {
      schema: {
        tags,
        summary: 'Ask the restore destination now: does it answer, and which files under the job’s folders are open there',
        params: IdParams,
        querystring: RestoreReadinessQuerySchema,
        response: { 200: RestoreReadinessSchema, ...errors },
      },
    },
    async (request) => restoreReadiness(prisma, app.agents, request.params.id, request.query.serverId),
  );

  app.get('/api/jobs/:id/history', { schema: { tags, params: IdParams, response: { 200: JobHistoryResponseSchema, ...errors } } }, async (request) =>
    getJobHistory(prisma, request.params.id),
  );
};

export default jobRoutes;
