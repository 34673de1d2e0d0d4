import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelClient } from '../../replication/channel-client.ts';
import { planMirror } from '../../replication/mirror-plan.ts';
import { OpStreamer, SeqCounter } from '../../replication/op-streamer.ts';
import { walkRoots } from '../../replication/tree-walk.ts';
import { conflict } from '../../server/agent-error.ts';
import type { StepHandlers } from '../step-deps.ts';

/**
 * Full Server test failover: the target snapshots its replica and mirrors the snapshot to a test
 * machine, which keeps its own identity and an isolated network. The test machine must have an
 * adapter with each mapped friendly name, or the test fails.
 */
export const testFailoverSteps = {
  'prepare-test-failover': async ({ jobId, adapterMapping, replicaPath }, { jobs, machine, channels, dataDir }) => {
    const names = new Set(machine.snapshot.adapters.map((a) => a.friendlyName));
    const missing = adapterMapping.filter((m) => !names.has(m.targetAdapter));
    if (missing.length > 0) {
      const list = missing.map((m) => `"${m.targetAdapter}" (mapped from "${m.sourceAdapter}")`).join(', ');
      throw conflict(`the test failover machine has no network adapter named ${list}`, { missingAdapters: missing });
    }
    const existing = jobs.find(jobId);
    if (existing) {
      if (existing.record.setup.role !== 'test' || existing.record.setup.phase !== 'undone') {
        throw conflict(`job ${jobId} already exists on this machine as ${existing.record.setup.role}`);
      }
      await jobs.delete(jobId);
    }
    const channelId = channels.newChannelId();
    jobs.createTestJob(
      jobId,
      { directories: [], adapterMapping, replicaPath },
      {
        channelId,
        kind: 'test-failover',
        jobId,
        roots: [{ prefix: '', dir: replicaPath }],
        storageDir: join(dataDir.root, 'test-failovers', channelId),
        shouldRefuseOpenFiles: false,
        createdAt: Date.now(),
      },
    );
    return { result: { channel: { channelId, token: channels.tokenFor(channelId) } } };
  },
  'start-test-failover': async ({ jobId, testMachine, snapshotId }, { jobs, machine }) => {
    const target = jobs.target(jobId);
    const snapshot = snapshotId ? target.snapshots.get(snapshotId) : target.takeSnapshot('manual', 'test failover');
    const client = new ChannelClient(testMachine, machine);
    try {
      const state = await client.getState();
      const manifest = await client.getManifest(false);
      const local = walkRoots(target.snapshots.rootsOf(snapshot.snapshotId, target.roots));
      const plan = planMirror(local, manifest, { mode: 'differences', shouldRemoveOrphans: true });
      let filesSent = 0;
      const totals = await new OpStreamer(client, new SeqCounter(state.receivedThroughSeq), { onFileSent: () => filesSent++ }).send(plan.ops);
      return { result: { snapshotId: snapshot.snapshotId, filesSent, bytesSent: totals.contentBytes } };
    } finally {
      client.close();
    }
  },
  'complete-test-failover': async ({ jobId, rebootSeconds }, { jobs, machine }) => {
    jobs.updateTestPhase(jobId, 'online');
    machine.setNetworkIsolated(true);
    await machine.reboot(rebootSeconds);
    return { result: { identityName: machine.snapshot.identity.name, networkState: 'isolated' as const } };
  },
  'undo-failover': async ({ jobId }, { jobs, machine }) => {
    const job = jobs.get(jobId);
    const setup = job.record.setup;
    if (setup.role !== 'test') throw conflict(`this agent is not the test machine of job ${jobId}`);
    let removedEntries = 0;
    for (const name of safeReaddir(setup.replicaPath)) {
      rmSync(join(setup.replicaPath, name), { recursive: true, force: true });
      removedEntries++;
    }
    jobs.closeDirectChannel(setup.channelId);
    machine.setNetworkIsolated(false);
    jobs.updateTestPhase(jobId, 'undone');
    return { result: { removedEntries } };
  },
} satisfies Partial<StepHandlers>;

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
