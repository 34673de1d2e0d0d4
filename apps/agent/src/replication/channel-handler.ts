import type { AgentBatchResult, AgentChannelKind, AgentChannelState, AgentManifestResponse } from '@syncsafe/contracts';

/** A receiving endpoint another agent pushes frames to (a target job, a restore, a test failover). */
export interface ChannelHandler {
  readonly channelId: string;
  readonly kind: AgentChannelKind;
  readonly jobId: string;
  describe(): AgentChannelState;
  manifest(withHashes: boolean): AgentManifestResponse;
  receive(body: NodeJS.ReadableStream): Promise<AgentBatchResult>;
}
