import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentStepFailedError, AgentUnreachableError } from '@syncsafe/agent-client';
import { collectStream } from '../support/collect-stream.ts';
import { AgentFleet } from '../support/agent-fleet.ts';
import { setUpJobPair, type JobPair } from '../support/job-pair.ts';
import { digestTree, waitForIdenticalTrees } from '../support/trees.ts';
import { waitFor } from '../support/wait-for.ts';

const fleet = new AgentFleet();
afterAll(() => fleet.cleanUp());

/**
 * Each test has its own source (web01) and target (dr01) protecting a Full Server job, and names its steps
 * `<test>-<step>`: no test reads a step id, snapshot or identity another left behind.
 */
async function protectedServer(test: string): Promise<JobPair> {
  const pair = await setUpJobPair(fleet, {
    type: 'full-server',
    sourceArgs: ['--address', '10.0.0.5', '--adapter', 'Production=10.0.0.5', '--license', 'SRC-1111', '--reboot-seconds', '0.2'],
    targetArgs: ['--address', '10.0.0.9', '--adapter', 'Production=10.0.0.9', '--license', 'TGT-2222', '--reboot-seconds', '0.2'],
  });
  mkdirSync(join(pair.sourceDir, 'inetpub'));
  writeFileSync(join(pair.sourceDir, 'inetpub', 'index.html'), '<h1>web01</h1>');
  await pair.source.client.runStep(`${test}-start`, { command: 'start-protection', jobId: pair.jobId });
  await waitForIdenticalTrees(pair.sourceDir, pair.replicaDir, waitFor, 'initial mirror');
  return pair;
}

describe('target data state', () => {
  it('takes an automatic snapshot when the target data turns bad, and streams the transition', async () => {
    const pair = await protectedServer('bad-data');
    const good = await pair.target.client.runStep('bad-data-manual', { command: 'take-snapshot', jobId: pair.jobId, type: 'manual' });
    expect(good.isGood).toBe(true);
    const stream = collectStream(pair.target.client);
    await stream.opened;

    await pair.target.client.injectFault({ fault: 'mark-target-bad', jobId: pair.jobId });
    const event = await stream.next((m) => m.type === 'event' && m.event.kind === 'data-state-changed');
    stream.close();
    expect(event).toMatchObject({ event: { from: 'good', to: 'bad', reason: 'marked-bad' } });

    const snapshots = await pair.target.client.listSnapshots(pair.jobId);
    const automatic = snapshots.find((s) => s.type === 'automatic');
    expect(automatic).toMatchObject({ isGood: false });
    expect(event.type === 'event' && event.event.kind === 'data-state-changed' && event.event.snapshotId).toBe(automatic?.snapshotId);
    expect((await pair.target.client.getJob(pair.jobId)).target?.dataState).toMatchObject({ state: 'bad', reason: 'marked-bad' });
  });
});

describe('live Full Server failover', () => {
  it('shuts the source down: it stops answering', async () => {
    const pair = await protectedServer('shut-down');
    expect(await pair.source.client.runStep('shut-down-source', { command: 'shut-down' })).toEqual({ wasRunning: true });
    await expect(pair.source.client.health()).rejects.toBeInstanceOf(AgentUnreachableError);
  });

  it('reverts bad data to the last good snapshot, stops services and reboots the target into the source identity', async () => {
    const pair = await protectedServer('revert');
    const good = await pair.target.client.runStep('revert-manual', { command: 'take-snapshot', jobId: pair.jobId, type: 'manual' });
    const atGoodSnapshot = digestTree(pair.replicaDir);
    await pair.target.client.injectFault({ fault: 'mark-target-bad', jobId: pair.jobId });
    await waitFor(async () => (await pair.target.client.getJob(pair.jobId)).target?.dataState.state === 'bad', { what: 'bad target data' });
    await pair.source.client.runStep('revert-shut-down', { command: 'shut-down' });

    const before = await pair.target.client.info();
    const report = await pair.target.client.runStep('revert-failover', {
      command: 'failover-full-server',
      jobId: pair.jobId,
      mode: 'live',
      queue: 'revert-if-bad',
      hasReverseProtection: false,
      keepRunning: ['Print Spooler'],
    });
    expect(report.queue).toMatchObject({ action: 'reverted', snapshot: { snapshotId: good.snapshotId } });
    expect(digestTree(pair.replicaDir)).toEqual(atGoodSnapshot);
    expect(report).toMatchObject({ previousIdentityName: 'dr01', identityName: 'web01', isLicenseLost: true });
    expect(report.services.stopped).toEqual(['World Wide Web Publishing Service', 'SQL Server (MSSQLSERVER)']);
    expect(report.services.leftRunning).toEqual(['Print Spooler']);
    expect(report.warnings.join(' ')).toContain('license is lost');

    const after = await pair.target.client.info();
    expect(after.machineId).toBe(before.machineId);
    expect(after.identity).toMatchObject({ name: 'web01', addresses: ['10.0.0.5'] });
    expect(after.originalIdentity.name).toBe('dr01');
    expect(after.identityHistory).toMatchObject([{ fromName: 'dr01', toName: 'web01', reason: 'live-failover' }]);
    expect(after.license).toMatchObject({ key: 'TGT-2222', isActivated: false });
    expect((await pair.target.client.getJob(pair.jobId)).target?.status).toBe('failed-over');
  });

  it('keeps the license activated when reverse protection is on', async () => {
    const other = await setUpJobPair(fleet, { type: 'full-server', targetArgs: ['--license', 'TGT-3333', '--reboot-seconds', '0'] });
    await other.source.client.runStep('license-start', { command: 'start-protection', jobId: other.jobId });
    await waitFor(async () => (await other.target.client.getJob(other.jobId)).target?.dataState.state === 'good', { what: 'good data' });
    await other.target.client.runStep('license-failover', {
      command: 'failover-full-server',
      jobId: other.jobId,
      mode: 'live',
      queue: 'apply',
      hasReverseProtection: true,
    });
    expect((await other.target.client.info()).license).toMatchObject({ isActivated: true, note: null });
  });
});

describe('Reverse, phase Restoring', () => {
  it('gives the original source machine the target identity only while its production adapter is up', async () => {
    // Failed over: the source was shut down and the target took its identity.
    const pair = await protectedServer('reverse');
    await pair.source.client.runStep('reverse-shut-down', { command: 'shut-down' });
    await pair.target.client.runStep('reverse-failover', { command: 'failover-full-server', jobId: pair.jobId, mode: 'live', queue: 'apply', hasReverseProtection: false });
    expect((await pair.target.client.info()).identity.name).toBe('web01');

    await pair.source.client.injectFault({ fault: 'power-on' });
    const targetIdentity = (await pair.target.client.info()).originalIdentity;
    await pair.source.client.injectFault({ fault: 'adapter-down', friendlyName: 'Production' });
    const refused = await pair.source.client
      .runStep('reverse-restore-identity-1', { command: 'restore-identity', identity: targetIdentity, productionAdapter: 'Production' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgentStepFailedError);
    expect((refused as Error).message).toContain('is down');

    await pair.source.client.injectFault({ fault: 'adapter-up', friendlyName: 'Production' });
    const restored = await pair.source.client.runStep('reverse-restore-identity-2', {
      command: 'restore-identity',
      identity: targetIdentity,
      productionAdapter: 'Production',
    });
    expect(restored).toEqual({ previousIdentityName: 'web01', identityName: 'dr01' });
    const rebooted = await pair.source.client.runStep('reverse-reboot', { command: 'reboot' });
    expect(rebooted.rebootSeconds).toBe(0.2);
    const info = await pair.source.client.info();
    expect(info.identity.name).toBe('dr01');
    expect(info.identityHistory.at(-1)).toMatchObject({ fromName: 'web01', toName: 'dr01', reason: 'reverse-restoring' });
  });
});
