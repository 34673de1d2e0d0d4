import { join } from 'node:path';
import { ChannelClient, ChannelRequestError } from '../../replication/channel-client.ts';
import { planMirror } from '../../replication/mirror-plan.ts';
import { OpStreamer, SeqCounter } from '../../replication/op-streamer.ts';
import { hashFilesConcurrently, walkRootsConcurrently } from '../../replication/tree-walk.ts';
import { AgentError, conflict } from '../../server/agent-error.ts';
import type { StepHandlers } from '../step-deps.ts';

/**
 * Restore: the destination (the original source, or a new server) opens a restore channel for the
 * job's folders; the target then copies back only the files whose content differs (sha256 on both
 * sides). The destination refuses while any file in the set is open there, and names them.
 */
export const restoreSteps = {
  'prepare-restore': async ({ jobId, directories }, { jobs, channels, dataDir }) => {
    const channelId = channels.newChannelId();
    const channel = jobs.openDirectChannel({
      channelId,
      kind: 'restore',
      jobId,
      roots: directories.map((dir) => ({ prefix: dir.slice(1), dir })),
      storageDir: join(dataDir.root, 'restores', channelId),
      shouldRefuseOpenFiles: true,
      createdAt: Date.now(),
    });
    return { result: { channel: { channelId, token: channels.tokenFor(channelId) }, openFiles: channel.openFiles() } };
  },
  restore: async ({ jobId, destination, removeOrphans }, { jobs, machine }) => {
    const target = jobs.target(jobId);
    const client = new ChannelClient(destination, machine);
    try {
      const state = await client.getState();
      // Both sides hash at the same time: the destination for its manifest, the target its own files.
      const [manifest, [local, knownHashes]] = await Promise.all([
        client.getManifest(true),
        walkRootsConcurrently(target.roots).then(async (entries) => [entries, await hashFilesConcurrently(entries)] as const),
      ]);
      const plan = planMirror(local, manifest, { mode: 'checksum', shouldRemoveOrphans: removeOrphans, knownHashes });
      let filesSent = 0;
      const streamer = new OpStreamer(client, new SeqCounter(state.receivedThroughSeq), { onFileSent: () => filesSent++ });
      const totals = await streamer.send(plan.ops);
      return {
        result: {
          filesCompared: local.filter((e) => e.type === 'file').length,
          filesSent,
          bytesChanged: plan.bytesTotal,
          bytesSent: totals.contentBytes,
          wireBytes: totals.wireBytes + manifest.wireBytes + state.wireBytes,
          deleted: plan.ops.filter((op) => op.kind === 'delete').length,
          sharesNotRestored: target.current.shares,
        },
      };
    } catch (error) {
      if (error instanceof ChannelRequestError && error.statusCode === 409) throw conflict(error.message, error.details);
      if (error instanceof ChannelRequestError) throw new AgentError('internal', `restore destination: ${error.message}`);
      throw error;
    } finally {
      client.close();
    }
  },
} satisfies Partial<StepHandlers>;
