import type { JobState } from '@syncsafe/contracts';
import { fromRowEnum, toRowEnum } from '@syncsafe/db';
import { createServer } from '@syncsafe/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/services/audit/append-audit.ts';
import { deleteJob, updateJob } from '../src/services/jobs/jobs.ts';
import { submitCommand } from '../src/services/jobs/submit-command.ts';
import { recordCondition } from '../src/services/monitoring/record-condition.ts';
import { finishOperation } from '../src/services/operations/finish-operation.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Every writer of a job's transitions goes through `applyTransition`: each test shows the transition
 * row, the audit record and the stream events one caller writes.
 */
let t: TestApp;
const operator: Actor = { id: null, name: 'ops-alice', role: 'operator', ip: '127.0.0.1' };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let jobCount = 0;
async function jobIn(state: JobState, options: object = {}) {
  jobCount += 1;
  const source = await createServer(t.db.prisma);
  const target = await createServer(t.db.prisma);
  const job = await t.db.prisma.job.create({
    data: {
      name: `Transition job ${jobCount}`,
      type: 'files_and_folders',
      sourceServerId: source.id,
      targetServerId: target.id,
      state: toRowEnum(state),
      directories: ['/data/shared'],
      replicaRoot: '/replica',
      options,
    },
  });
  return job.id;
}

const headSeq = async () => Number((await t.db.prisma.eventHead.findUnique({ where: { id: 1 } }))?.seq ?? 0);

/** What a write left: the job's transitions, its audit records and the events after `since`, oldest first. */
async function written(jobId: string, since: number) {
  const transitions = await t.db.prisma.jobTransition.findMany({ where: { jobId }, orderBy: { createdAt: 'asc' } });
  const audit = await t.db.prisma.auditEvent.findMany({ where: { targetId: jobId }, orderBy: { seq: 'asc' } });
  const events = await t.db.prisma.event.findMany({ where: { seq: { gt: BigInt(since) } }, orderBy: { seq: 'asc' } });
  return {
    transitions: transitions.map((row) => ({ ...row, fromState: fromRowEnum(row.fromState), toState: row.toState && fromRowEnum(row.toState) })),
    audit,
    events: events.map((e) => e.type),
  };
}

describe('applyTransition, through each of its callers', () => {
  it('a command: the running state, one transition with its input and operation, an audit record, the job and operation events', async () => {
    const jobId = await jobIn('protecting');
    const since = await headSeq();
    const { operationId } = await submitCommand(t.db.prisma, jobId, { command: 'stop' }, { actor: operator });
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions).toEqual([
      expect.objectContaining({ fromState: 'protecting', toState: 'stopping', trigger: 'stop', operationId, actorName: 'ops-alice', isValid: true, input: { command: 'stop' } }),
    ]);
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['job.stop', 'success']]);
    expect(events).toEqual(['job.updated', 'operation.updated']);
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: 'stopping', version: 2 });
  });

  it('a refused command: a transition marked invalid with the reason and a refused audit record; no event, the job unchanged', async () => {
    const jobId = await jobIn('stopped');
    const since = await headSeq();
    await expect(submitCommand(t.db.prisma, jobId, { command: 'stop' }, { actor: operator })).rejects.toMatchObject({ code: 'conflict', isAudited: true });
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions).toEqual([expect.objectContaining({ fromState: 'stopped', toState: null, trigger: 'stop', isValid: false, error: expect.stringMatching(/Allowed now/) })]);
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['job.stop', 'refused']]);
    expect(events).toEqual([]);
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: 'stopped', version: 1 });
  });

  it('the monitor’s condition (wait for user): Failover condition met, conditionMetAt, a notification, the audit record', async () => {
    const jobId = await jobIn('protecting', { waitForUser: true });
    const since = await headSeq();
    expect(await recordCondition(t.db.prisma, jobId, 'condition-met')).toBeNull();
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions).toEqual([expect.objectContaining({ fromState: 'protecting', toState: 'failover-condition-met', trigger: 'condition-met', actorName: 'system', input: null })]);
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['job.condition-met', 'system']]);
    expect(events).toEqual(['notification.updated', 'job.updated']);
    expect((await t.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).conditionMetAt).not.toBeNull();

    // Raised again while it holds: nothing more is written.
    expect(await recordCondition(t.db.prisma, jobId, 'condition-met')).toBeNull();
    expect((await written(jobId, since)).transitions).toHaveLength(1);

    await recordCondition(t.db.prisma, jobId, 'condition-cleared');
    const cleared = await t.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(cleared).toMatchObject({ state: 'protecting', conditionMetAt: null });
  });

  it('the monitor’s condition (automatic failover): one transition triggered by the condition, starting the failover operation', async () => {
    const jobId = await jobIn('protecting', { waitForUser: false });
    const since = await headSeq();
    const operationId = await recordCondition(t.db.prisma, jobId, 'condition-met');
    expect(operationId).toEqual(expect.any(String));
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions).toEqual([
      expect.objectContaining({ fromState: 'protecting', toState: 'failing-over', trigger: 'condition-met', operationId, actorName: 'system', input: { command: 'failover', type: 'live', queue: 'apply', leaveSourceRunning: false } }),
    ]);
    expect(audit.map((a) => a.action)).toEqual(['job.condition-met']);
    expect(events).toEqual(['notification.updated', 'job.updated', 'operation.updated']);
    const operation = await t.db.prisma.operation.findUniqueOrThrow({ where: { id: operationId! } });
    expect(operation).toMatchObject({ kind: 'failover', actorName: 'system', activeJobId: jobId });
  });

  it('an operation’s end: Error on failure, the transition with the error, the audit record, a notification, the job and operation events', async () => {
    const jobId = await jobIn('protecting');
    const { operationId } = await submitCommand(t.db.prisma, jobId, { command: 'stop' }, { actor: operator });
    const since = await headSeq();
    await finishOperation(t.db.prisma, operationId, { status: 'failed', error: 'stop-protection: agent unreachable' });
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions.at(-1)).toMatchObject({ fromState: 'stopping', toState: 'error', trigger: 'operation-failed', operationId, actorName: 'system', error: 'stop-protection: agent unreachable' });
    expect(audit.at(-1)).toMatchObject({ action: 'operation.failed', outcome: 'failure' });
    expect(events).toEqual(['notification.updated', 'job.updated', 'operation.updated']);
    const notification = await t.db.prisma.notification.findFirstOrThrow({ where: { jobId, kind: 'operation-failed' } });
    expect(notification.message).toMatch(/Stop failed: stop-protection: agent unreachable/);
    expect(await t.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: 'error', lastError: 'stop-protection: agent unreachable' });
    expect(await t.db.prisma.operation.findUniqueOrThrow({ where: { id: operationId } })).toMatchObject({ status: 'failed', activeJobId: null, toState: 'error' });
  });

  it('an edit: the same state, the fields changed as the input, the audit record with before and after, the job event', async () => {
    const jobId = await jobIn('protecting');
    const since = await headSeq();
    await updateJob(t.db.prisma, operator, jobId, { name: `Renamed ${jobId.slice(0, 8)}` });
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions).toEqual([expect.objectContaining({ fromState: 'protecting', toState: 'protecting', trigger: 'edit', input: { command: 'edit', fields: ['name'] } })]);
    expect(audit).toEqual([expect.objectContaining({ action: 'job.edit', before: expect.objectContaining({ name: expect.stringMatching(/^Transition job/) }), after: expect.objectContaining({ name: expect.stringMatching(/^Renamed/) }) })]);
    expect(events).toEqual(['job.updated']);
  });

  it('an edit made against an old version: a refused transition and audit record, nothing changed', async () => {
    const jobId = await jobIn('protecting');
    await expect(updateJob(t.db.prisma, operator, jobId, { name: 'Too late', expectedVersion: 7 })).rejects.toMatchObject({ code: 'conflict' });
    const { transitions, audit } = await written(jobId, 0);
    expect(transitions).toEqual([expect.objectContaining({ trigger: 'edit', isValid: false, error: expect.stringMatching(/version 1, you had 7/) })]);
    expect(audit.map((a) => a.outcome)).toEqual(['refused']);
  });

  it('a delete: the row gone, the audit record with what it was, the job.deleted event', async () => {
    const jobId = await jobIn('stopped');
    const since = await headSeq();
    await deleteJob(t.db.prisma, operator, jobId);
    const { transitions, audit, events } = await written(jobId, since);
    expect(transitions).toEqual([]);
    expect(audit).toEqual([expect.objectContaining({ action: 'job.delete', outcome: 'success', before: expect.objectContaining({ state: 'stopped' }) })]);
    expect(events).toEqual(['job.deleted']);
    expect(await t.db.prisma.job.findUnique({ where: { id: jobId } })).toBeNull();
  });
});
