import type { ChecklistTick } from '@syncsafe/contracts';
import { createServer } from '@syncsafe/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStream, eventsOf } from './support/stream-client.ts';
import { createTestApp, OWN_ORIGIN, type Caller, type TestApp } from './support/test-app.ts';

let t: TestApp;
let operator: Caller;
let operatorName: string;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.callerWithRole('operator');
  operatorName = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: operator.userId } })).username;
});
afterAll(() => t.close());

let jobCount = 0;
async function createJob() {
  jobCount += 1;
  const source = await createServer(t.db.prisma);
  const target = await createServer(t.db.prisma);
  const job = await t.db.prisma.job.create({
    data: { name: `Protect files0${jobCount}`, type: 'files_and_folders', sourceServerId: source.id, targetServerId: target.id, state: 'failed_over', options: {} },
  });
  return job.id;
}

/** The last committed event's seq (the process's pump may not have read it yet). */
const committedSeq = async () => Number((await t.db.prisma.eventHead.findUnique({ where: { id: 1 } }))?.seq ?? 0);

const openStream = (since: number) => connectStream(t.app, `?since=${since}`, { cookie: operator.cookie, origin: OWN_ORIGIN });

/** Every event committed after `since`: a fresh client replays them, then says it caught up. */
async function eventsSince(since: number) {
  const client = await openStream(since);
  const messages = await client.waitFor((m) => m.some((x) => x.kind === 'caught-up'));
  client.ws.terminate();
  return eventsOf(messages);
}

const tickStep = (jobId: string, itemId: string, isChecked: boolean) =>
  operator.request({ method: 'POST', url: `/api/jobs/${jobId}/checklist`, payload: { checklist: 'restore-then-failback', itemId, isChecked } });

describe('checklist ticks on the event stream', () => {
  it('a tick reaches an open console as exactly one checklist.updated event, carrying the tick the checklist now lists', async () => {
    const jobId = await createJob();
    const start = await committedSeq();
    const live = await openStream(start);
    await live.waitFor((m) => m.some((x) => x.kind === 'caught-up'));

    const res = await tickStep(jobId, 'rtf-stop-applications', true);
    expect(res.statusCode).toBe(204);

    const [heard] = eventsOf(await live.waitFor((m) => eventsOf(m).length > 0));
    live.ws.terminate();
    const { items } = (await operator.request({ method: 'GET', url: `/api/jobs/${jobId}/checklist` })).json() as { items: ChecklistTick[] };
    expect(items).toEqual([{ checklist: 'restore-then-failback', itemId: 'rtf-stop-applications', isChecked: true, actorName: operatorName, at: expect.any(String) }]);
    expect(heard).toEqual({ kind: 'event', seq: start + 1, at: expect.any(String), type: 'checklist.updated', data: { jobId, ...items[0] } });
    // Nothing else was committed with it.
    expect(await eventsSince(start)).toEqual([heard]);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'job.checklist', targetId: jobId, outcome: 'success' } })).toBe(1);
  });

  it('an untick is an event too, and the checklist lists the step once, unticked', async () => {
    const jobId = await createJob();
    expect((await tickStep(jobId, 'rtf-stop-applications', true)).statusCode).toBe(204);
    const start = await committedSeq();
    expect((await tickStep(jobId, 'rtf-stop-applications', false)).statusCode).toBe(204);
    const events = await eventsSince(start);
    expect(events.map((e) => [e.type, e.data])).toEqual([['checklist.updated', expect.objectContaining({ jobId, itemId: 'rtf-stop-applications', isChecked: false })]]);
    const { items } = (await operator.request({ method: 'GET', url: `/api/jobs/${jobId}/checklist` })).json() as { items: ChecklistTick[] };
    expect(items.map((i) => [i.itemId, i.isChecked])).toEqual([['rtf-stop-applications', false]]);
  });

  it('a refused tick sends no event and leaves the checklist readable', async () => {
    const jobId = await createJob();
    const start = await committedSeq();
    const refused = await tickStep(jobId, 'no-such-step', true);
    expect(refused.statusCode).toBe(400);
    expect(await eventsSince(start)).toEqual([]);
    // The refusal is in the audit trail under the same action; it is not a tick.
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'job.checklist', targetId: jobId, outcome: 'refused' } })).toBe(1);
    const read = await operator.request({ method: 'GET', url: `/api/jobs/${jobId}/checklist` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ items: [] });
  });
});
