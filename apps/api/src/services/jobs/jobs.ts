import { randomUUID } from 'node:crypto';
import {
  type CreateJobRequestSchema,
  JobOptionsSchema,
  type JobListQuery,
  type JobOptions,
  type JobType,
  type UpdateJobRequest,
} from '@syncsafe/contracts';
import type { Prisma, PrismaClient } from '@syncsafe/db';
import { decide, type EditInput } from '@syncsafe/domain';
import type { z } from 'zod';
import { AppError, badField, conflict } from '../../lib/app-error.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import { emitEvent } from '../events/emit-event.ts';
import { assertTargetFree, checkAdapterMapping, loadJobServers } from './job-rules.ts';
import { toJob } from './job-view.ts';
import { buildFacts, jobInclude, jobTypeToRow, loadJobContext } from './load-job.ts';
import { publishJob } from './publish-job.ts';
import { lockJob, persistCommand } from './submit-command.ts';

type CreateJobInput = z.output<typeof CreateJobRequestSchema>;

const isUniqueViolation = (error: unknown, field: string) =>
  (error as { code?: string; meta?: { target?: unknown } }).code === 'P2002' && JSON.stringify((error as { meta?: unknown }).meta ?? '').includes(field);

function nameTaken(name: string) {
  return conflict(`A job named ${name} already exists`, { field: 'name' });
}

/** What the audit trail keeps of a job's configuration. */
const auditView = (j: { name: string; type: string; sourceServerId: string; targetServerId: string; testServerId: string | null; directories: string[]; replicaRoot: string | null; options: unknown }) => ({
  name: j.name,
  type: j.type,
  sourceServerId: j.sourceServerId,
  targetServerId: j.targetServerId,
  testServerId: j.testServerId,
  directories: j.directories,
  replicaRoot: j.replicaRoot,
  options: j.options,
});

export async function getJob(prisma: PrismaClient, id: string) {
  return toJob(await loadJobContext(prisma, id));
}

/**
 * Jobs page list: filters, name order, keyset paging by id. The list reads only the job and its servers
 * (no per-job queries), so it stays fast at 10,000 jobs.
 */
export async function listJobs(prisma: PrismaClient, query: JobListQuery) {
  const states = query.state === undefined ? undefined : Array.isArray(query.state) ? query.state : [query.state];
  const where: Prisma.JobWhereInput = {
    ...(query.q ? { name: { contains: query.q, mode: 'insensitive' } } : {}),
    ...(query.type ? { type: jobTypeToRow(query.type) } : {}),
    ...(states ? { state: { in: states } } : {}),
    ...(query.serverId ? { OR: [{ sourceServerId: query.serverId }, { targetServerId: query.serverId }, { testServerId: query.serverId }] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.job.findMany({
      where,
      include: { ...jobInclude, operations: { where: { activeJobId: { not: null } }, take: 1 } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    }),
    prisma.job.count({ where }),
  ]);
  const page = rows.slice(0, query.limit);
  const items = page.map(({ operations, ...row }) => {
    const options = JobOptionsSchema.parse(row.options);
    const active = operations[0] ?? null;
    return toJob({ row, options, snapshots: [], activeOperation: active, facts: buildFacts(row, options, [], active, null) });
  });
  return { items, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null, total };
}

async function checkConfiguration(tx: Prisma.TransactionClient, type: JobType, ids: { sourceServerId: string; targetServerId: string }, options: JobOptions, exceptJobId?: string) {
  const servers = await loadJobServers(tx, { ...ids, testServerId: type === 'full-server' ? options.testFailover.testServerId : null });
  await assertTargetFree(tx, ids.targetServerId, exceptJobId);
  checkAdapterMapping(type, options, servers);
  return servers;
}

/** Creates the job and starts protecting at once (a Start operation: set up the agents, mirror). */
export async function createJob(prisma: PrismaClient, actor: Actor, input: CreateJobInput) {
  const id = randomUUID();
  try {
    const operationId = await prisma.$transaction(async (tx) => {
      await checkConfiguration(tx, input.type, input, input.options);
      const row = await tx.job.create({
        data: {
          id,
          name: input.name,
          type: jobTypeToRow(input.type),
          sourceServerId: input.sourceServerId,
          targetServerId: input.targetServerId,
          testServerId: input.type === 'full-server' ? input.options.testFailover.testServerId : null,
          state: 'stopped',
          directories: input.directories,
          replicaRoot: input.replicaRoot,
          options: input.options as object,
        },
      });
      await appendAudit(tx, actor, { action: 'job.create', target: { type: 'job', id, name: row.name }, after: auditView(row), outcome: 'success' });
      const started = await persistCommand(tx, id, { command: 'start' }, { actor });
      if (started.operationId === null) throw new AppError('conflict', started.refusal.message, started.refusal.details);
      return started.operationId;
    });
    return { job: await getJob(prisma, id), operationId };
  } catch (error) {
    if (isUniqueViolation(error, 'name')) throw nameTaken(input.name);
    throw error;
  }
}

function changedFields(input: UpdateJobRequest): EditInput['fields'] {
  return (['name', 'sourceServerId', 'targetServerId', 'directories', 'replicaRoot', 'options'] as const).filter((f) => input[f] !== undefined);
}

/** Edit: what may change depends on the state (the domain's editable fields); version-checked. */
export async function updateJob(prisma: PrismaClient, actor: Actor, id: string, input: UpdateJobRequest) {
  try {
    await prisma.$transaction(async (tx) => {
      await lockJob(tx, id);
      const { row, facts, options } = await loadJobContext(tx, id);
      if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
        throw conflict(`Job ${row.name} changed since you looked at it (version ${row.version}, you had ${input.expectedVersion}); reload it`, {
          currentVersion: row.version,
        });
      }
      const decision = decide(facts, { command: 'edit', fields: changedFields(input) });
      if (decision.outcome === 'refused') {
        if (decision.field) throw badField(decision.field, decision.reason);
        throw conflict(decision.reason, { state: decision.state, allowedCommands: decision.allowedCommands });
      }
      const nextOptions = input.options ? JobOptionsSchema.parse({ ...options, ...input.options }) : options;
      const ids = { sourceServerId: input.sourceServerId ?? row.sourceServerId, targetServerId: input.targetServerId ?? row.targetServerId };
      await checkConfiguration(tx, facts.type, ids, nextOptions, id);
      const updated = await tx.job.update({
        where: { id },
        data: {
          ...(input.name ? { name: input.name } : {}),
          ...ids,
          testServerId: facts.type === 'full-server' ? nextOptions.testFailover.testServerId : null,
          ...(input.directories ? { directories: input.directories } : {}),
          ...(input.replicaRoot ? { replicaRoot: input.replicaRoot } : {}),
          options: nextOptions as object,
          version: { increment: 1 },
        },
      });
      await tx.jobTransition.create({
        data: { jobId: id, fromState: facts.state, toState: facts.state, trigger: 'edit', actorName: actor.name, isValid: true, options: input as object },
      });
      await appendAudit(tx, actor, { action: 'job.edit', target: { type: 'job', id, name: updated.name }, before: auditView(row), after: auditView(updated), outcome: 'success' });
      await publishJob(tx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'name') && input.name) throw nameTaken(input.name);
    throw error;
  }
  return getJob(prisma, id);
}

/**
 * Delete: refused while an operation runs (and by the domain's table otherwise). Deleting a failed-over
 * job is the spec's manual reversal: it releases the target for a new job.
 */
export async function deleteJob(prisma: PrismaClient, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    await lockJob(tx, id);
    const { row, facts } = await loadJobContext(tx, id);
    const decision = decide(facts, { command: 'delete' });
    if (decision.outcome === 'refused') throw conflict(decision.reason, { state: decision.state, allowedCommands: decision.allowedCommands });
    await tx.job.delete({ where: { id } });
    await appendAudit(tx, actor, { action: 'job.delete', target: { type: 'job', id, name: row.name }, before: { ...auditView(row), state: row.state }, outcome: 'success' });
    await emitEvent(tx, { type: 'job.deleted', data: { id } }, id);
    return { sourceServerId: row.sourceServerId, targetServerId: row.targetServerId, testServerId: row.testServerId };
  });
}
