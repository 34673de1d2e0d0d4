import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentChannelKindSchema, type AgentBatchResult, type AgentChannelState, type AgentManifestResponse } from '@syncsafe/contracts';
import type { EventBus } from '../events/event-bus.ts';
import { findOpenFiles } from '../restore/open-files.ts';
import { conflict } from '../server/agent-error.ts';
import { buildManifest } from './build-manifest.ts';
import type { ChannelHandler } from './channel-handler.ts';
import { PartialFiles } from './partial-files.ts';
import { receiveFrames } from './receive-frames.ts';
import { PathRefusedError, ReplicaPaths } from './replica-paths.ts';
import { ReplicaWriter } from './replica-writer.ts';

export const DirectChannelRecordSchema = z.object({
  channelId: z.string(),
  kind: AgentChannelKindSchema,
  jobId: z.string(),
  roots: z.array(z.object({ prefix: z.string(), dir: z.string() })),
  /** Scratch space for partial and temporary files. */
  storageDir: z.string(),
  /** A restore refuses to start while files under its folders are open (the spec: files must be closed). */
  shouldRefuseOpenFiles: z.boolean(),
  createdAt: z.number(),
});
export type DirectChannelRecord = z.infer<typeof DirectChannelRecordSchema>;

/**
 * A channel that writes straight into its folders, without a target queue: used by restores
 * (target → original or new source) and by test failovers (target snapshot → test machine).
 */
export class DirectChannel implements ChannelHandler {
  private readonly writer: ReplicaWriter;
  private readonly partials: PartialFiles;
  private receivedThroughSeq = 0;
  private isReceiving = false;

  constructor(
    readonly record: DirectChannelRecord,
    private readonly bus: EventBus,
  ) {
    for (const root of record.roots) mkdirSync(root.dir, { recursive: true });
    this.partials = new PartialFiles(join(record.storageDir, 'partial'));
    const paths = new ReplicaPaths(record.roots);
    this.writer = new ReplicaWriter(paths, { tempDir: join(record.storageDir, 'tmp'), partials: this.partials }, (e) =>
      this.report(e),
    );
  }

  get channelId(): string {
    return this.record.channelId;
  }

  get kind() {
    return this.record.kind;
  }

  get jobId(): string {
    return this.record.jobId;
  }

  describe(): AgentChannelState {
    return {
      channelId: this.channelId,
      kind: this.kind,
      jobId: this.jobId,
      isAccepting: true,
      receivedThroughSeq: this.receivedThroughSeq,
      appliedThroughSeq: this.receivedThroughSeq,
      epoch: 1,
    };
  }

  openFiles(): string[] {
    return findOpenFiles(this.record.roots.map((r) => r.dir));
  }

  manifest(withHashes: boolean): AgentManifestResponse {
    if (this.record.shouldRefuseOpenFiles) {
      const open = this.openFiles();
      if (open.length > 0) throw conflict(`${open.length} file(s) are open on the destination: close them first`, { openFiles: open });
    }
    return buildManifest(
      { roots: this.record.roots, partials: this.partials, receivedThroughSeq: this.receivedThroughSeq, epoch: 1 },
      withHashes,
    );
  }

  async receive(body: NodeJS.ReadableStream): Promise<AgentBatchResult> {
    if (this.isReceiving) throw conflict('this channel is already receiving a batch');
    this.isReceiving = true;
    const refusals: AgentBatchResult['refusals'] = [];
    try {
      await receiveFrames(body, (op, content) => {
        if (op.seq <= this.receivedThroughSeq) return;
        try {
          this.writer.precheck(op);
          this.writer.apply(op, content);
        } catch (error) {
          if (!(error instanceof PathRefusedError)) throw error;
          refusals.push(this.report(error));
        }
        this.receivedThroughSeq = op.seq;
      });
    } finally {
      this.isReceiving = false;
    }
    return { epoch: 1, receivedThroughSeq: this.receivedThroughSeq, appliedThroughSeq: this.receivedThroughSeq, refusals };
  }

  private report(error: PathRefusedError) {
    this.bus.publish({ kind: 'path-refused', jobId: this.jobId, path: error.path, reason: error.reason });
    return { at: Date.now(), path: error.path, reason: error.reason };
  }
}
