import { randomUUID } from 'node:crypto';
import {
  type CreateJobRequestSchema,
  JobOptionsSchema,
  type JobListQuery,
  type JobOptions,
  type JobType,
  type UpdateJobRequest,
} from '@syncsafe/contracts';
import { type Prisma, type PrismaClient, toRowEnum } from '@syncsafe/db';
import type { AllowedDecision, EditInput } from '@syncsafe/domain';
import type { z } from 'zod';
import { conflict } from '../../lib/app-error.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import { appendAudit, type Actor } from '../audit/append-audit.ts';
import { applyTransition, lockJob } from './apply-transition.ts';
import { decideChange } from './decide-change.ts';
import { assertTargetFree, checkAdapterMapping, loadJobServers } from './job-rules.ts';
import { toJob } from './job-view.ts';
import { buildFacts, jobInclude, loadJobContext, type JobContext } from './load-job.ts';
import { persistCommand } from './submit-command.ts';

type CreateJobInput = z.output<typeof CreateJobRequestSchema>;

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
    ...(query.type ? { type: toRowEnum(query.type) } : {}),
    ...(states ? { state: { in: states.map(toRowEnum) } } : {}),
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
          type: toRowEnum(input.type),
          sourceServerId: input.sourceServerId,
          targetServerId: input.targetServerId,
          testServerId: input.type === 'full-server' ? input.options.testFailover.testServerId : null,
          state: 'stopped',
          directories: input.directories,
          replicaRoot: input.replicaRoot,
          options: input.options,
        },
      });
      await appendAudit(tx, actor, { action: 'job.create', target: { type: 'job', id, name: row.name }, after: auditView(row), outcome: 'success' });
      const started = await persistCommand(tx, id, { command: 'start' }, { actor });
      if (started.operationId === null) throw started.error;
      return started.operationId;
    });
    return { job: await getJob(prisma, id), operationId };
  } catch (error) {
    if (isUniqueViolation(error, 'name')) throw nameTaken(input.name);
    throw error;
  }
}

const EDITABLE = ['name', 'sourceServerId', 'targetServerId', 'directories', 'replicaRoot', 'options'] as const;

function editInput(input: UpdateJobRequest): EditInput {
  return { command: 'edit', fields: EDITABLE.filter((f) => input[f] !== undefined) };
}

async function writeEdit(tx: Prisma.TransactionClient, actor: Actor, { row, facts, options }: JobContext, input: UpdateJobRequest, decision: AllowedDecision) {
  const nextOptions = input.options ? JobOptionsSchema.parse({ ...options, ...input.options }) : options;
  const ids = { sourceServerId: input.sourceServerId ?? row.sourceServerId, targetServerId: input.targetServerId ?? row.targetServerId };
  await checkConfiguration(tx, facts.type, ids, nextOptions, row.id);
  const changes = {
    ...ids,
    name: input.name ?? row.name,
    testServerId: facts.type === 'full-server' ? nextOptions.testFailover.testServerId : null,
    directories: input.directories ?? row.directories,
    replicaRoot: input.replicaRoot ?? row.replicaRoot,
    options: nextOptions,
  };
  await applyTransition(tx, {
    job: { ...row, state: facts.state },
    trigger: 'edit',
    actor,
    to: facts.state,
    effects: decision.effects,
    changes,
    input: editInput(input),
    audit: { action: 'job.edit', before: auditView(row), after: auditView({ ...row, ...changes }), outcome: 'success' },
  });
}

/** Edit: what may change depends on the state (the domain's editable fields); version-checked. */
export async function updateJob(prisma: PrismaClient, actor: Actor, id: string, input: UpdateJobRequest) {
  try {
    const refusal = await prisma.$transaction(async (tx) => {
      await lockJob(tx, id);
      const context = await loadJobContext(tx, id);
      const { decision, error } = await decideChange(tx, context, actor, editInput(input), input.expectedVersion);
      if (error) return error;
      await writeEdit(tx, actor, context, input, decision);
      return null;
    });
    if (refusal) throw refusal;
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
  const outcome = await prisma.$transaction(async (tx) => {
    await lockJob(tx, id);
    const context = await loadJobContext(tx, id);
    const { row, facts } = context;
    const { decision, error } = await decideChange(tx, context, actor, { command: 'delete' });
    if (error) return { error };
    await applyTransition(tx, {
      job: { ...row, state: facts.state },
      trigger: 'delete',
      actor,
      to: 'deleted',
      effects: decision.effects,
      audit: { action: 'job.delete', before: { ...auditView(row), state: facts.state }, outcome: 'success' },
    });
    return { servers: { sourceServerId: row.sourceServerId, targetServerId: row.targetServerId, testServerId: row.testServerId } };
  });
  if (outcome.error) throw outcome.error;
  return outcome.servers;
}
