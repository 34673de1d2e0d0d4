import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentUnreachableError } from '@syncsafe/agent-client';
import { AgentFleet } from '../support/agent-fleet.ts';
import { collectStream } from '../support/collect-stream.ts';
import { setUpJobPair } from '../support/job-pair.ts';
import { waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

describe('heartbeats and fault injection', () => {
  it('streams heartbeats, goes silent while powered off, and answers again once powered on', async () => {
    const agent = await fleet.start({ name: 'web02', args: ['--faults', '--heartbeat-ms', '50'] });
    const stream = collectStream(agent.client);
    const first = await stream.next((m) => m.type === 'heartbeat');
    const later = await stream.next((m) => m.type === 'heartbeat' && m.seq > first.seq);
    expect(later).toMatchObject({ identityName: 'web02', powerState: 'on', networkState: 'connected' });

    expect(await agent.client.injectFault({ fault: 'power-off' })).toMatchObject({ powerState: 'off' });
    await stream.closed;
    await expect(agent.client.info()).rejects.toBeInstanceOf(AgentUnreachableError);

    expect(await agent.client.injectFault({ fault: 'power-on' })).toMatchObject({ powerState: 'on' });
    const again = collectStream(agent.client);
    await again.next((m) => m.type === 'heartbeat');
    again.close();
    expect((await agent.client.info()).powerState).toBe('on');
  });

  it('holds replication while the source is disconnected and catches up on reconnect', async () => {
    const pair = await setUpJobPair(fleet);
    writeFileSync(join(pair.sourceDir, 'before.txt'), 'before');
    await pair.source.client.runStep('disconnect-start', { command: 'start-protection', jobId: pair.jobId });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'initial mirror');

    await pair.source.client.injectFault({ fault: 'network-disconnect' });
    await expect(pair.source.client.health()).rejects.toBeInstanceOf(AgentUnreachableError);
    writeFileSync(join(pair.sourceDir, 'while-away.txt'), 'written while disconnected');
    await pair.source.client.injectFault({ fault: 'network-reconnect' });
    await pair.source.client.runStep('disconnect-flush', { command: 'flush-changes', jobId: pair.jobId });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'catch-up after reconnect');
  });

  it('offers no fault injection without --faults', async () => {
    const agent = await fleet.start({ name: 'plain' });
    await expect(agent.client.injectFault({ fault: 'crash' })).rejects.toMatchObject({ status: 404 });
    expect((await agent.client.info()).isFaultInjectionEnabled).toBe(false);
  });

  it('crashes on demand, and a restart resumes protection where it was', async () => {
    const pair = await setUpJobPair(fleet);
    await pair.source.client.runStep('crash-start', { command: 'start-protection', jobId: pair.jobId });
    await waitFor(async () => (await pair.source.client.getJob(pair.jobId)).source?.mirror.state === 'completed', { what: 'mirror' });
    await pair.source.client.injectFault({ fault: 'crash' });
    await waitFor(() => pair.source.child.signalCode === 'SIGKILL', { what: 'the crash' });
    writeFileSync(join(pair.sourceDir, 'after-crash.txt'), 'changed while the agent was down');
    const source = await fleet.restart(pair.source);
    await source.client.runStep('crash-flush', { command: 'flush-changes', jobId: pair.jobId });
    await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'catch-up after the crash');
  });
});
