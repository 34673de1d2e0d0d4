import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentFleet, RunningAgent } from '../support/agent-fleet.ts';
import type { ConsoleDriver } from '../support/console-driver.ts';
import type { TestApp } from '../support/test-app.ts';
import { startConsoleWithPair, type ConsoleWithPair } from '../support/agent-pair.ts';
import { sameTree } from '../support/trees.ts';

let pair: ConsoleWithPair;
let t: TestApp;
let fleet: AgentFleet;
let driver: ConsoleDriver;
let source: RunningAgent;
let target: RunningAgent;
let sourceId: string;
let targetId: string;

beforeAll(async () => {
  pair = await startConsoleWithPair({ source: 'move01', target: 'move02' });
  ({ t, fleet, driver, source, target, sourceId, targetId } = pair);
});
afterAll(() => pair?.close());

/** A loopback port nobody listens on (bound, then released). */
async function unusedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const editPort = (serverId: string, port: number) => driver.admin.request({ method: 'PATCH', url: `/api/servers/${serverId}`, payload: { port } });

describe('a target server edited in place to another port', () => {
  it('gets the running replication at once, without Stop and Start, and the audit trail records each re-pointing', { timeout: 120_000 }, async () => {
    const data = join(source.disk, 'data');
    mkdirSync(join(data, 'docs'), { recursive: true });
    writeFileSync(join(data, 'docs/before.txt'), 'before the move');
    const replicaRoot = join(target.disk, 'replica');
    const job = await driver.createJob({ name: 'Protect move01', type: 'files-and-folders', sourceServerId: sourceId, targetServerId: targetId, directories: [data], replicaRoot });
    await driver.waitForState(job.id, 'protecting');
    const replica = join(replicaRoot, data);
    await driver.waitForJob(job.id, () => sameTree(replica, data), 'replica identical');

    // The machine comes back on another port.
    await target.kill();
    const moved = await fleet.start({ ...target.spec, port: 0 });
    expect(moved.port).not.toBe(target.port);

    // A port where nothing answers yet: the edit stands, the re-pointing is recorded as failed.
    const nowhere = await unusedPort();
    const first = await editPort(targetId, nowhere);
    expect(first.statusCode, first.body).toBe(200);
    await t.app.repointer.settled();

    const second = await editPort(targetId, moved.port);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ id: targetId, port: moved.port });
    await t.app.repointer.settled();

    writeFileSync(join(data, 'docs/after.txt'), 'written after the move');
    await driver.waitForJob(job.id, () => sameTree(replica, data), 'change replicated to the moved target');

    const current = await driver.job(job.id);
    expect(current.state).toBe('protecting');
    expect(await t.db.prisma.operation.count({ where: { jobId: job.id } })).toBe(1);
    const records = await t.db.prisma.auditEvent.findMany({ where: { action: 'job.repoint', targetId: job.id }, orderBy: { seq: 'asc' } });
    expect(records).toMatchObject([
      { actorName: 'system', outcome: 'failure', reason: expect.stringContaining('unreachable'), after: { port: nowhere, receivingServer: 'move02', sendingServer: 'move01' } },
      { actorName: 'system', outcome: 'success', reason: null, before: { port: nowhere }, after: { address: '127.0.0.1', port: moved.port } },
    ]);
  });
});
