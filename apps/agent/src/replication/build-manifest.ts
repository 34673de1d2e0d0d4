import type { AgentManifestEntry, AgentManifestResponse } from '@syncsafe/contracts';
import type { PartialFiles } from './partial-files.ts';
import type { ReplicaRoot } from './replica-paths.ts';
import { hashFile, walkRoots } from './tree-walk.ts';

export interface ManifestSource {
  roots: readonly ReplicaRoot[];
  partials: PartialFiles | null;
  receivedThroughSeq: number;
  epoch: number;
}

/** What a receiver holds now, for the sender to compare against (hashes on request: they cost a full read). */
export function buildManifest(source: ManifestSource, withHashes: boolean): AgentManifestResponse {
  const entries: AgentManifestEntry[] = walkRoots(source.roots).map((e) => ({
    path: e.path,
    type: e.type,
    mode: e.mode,
    size: e.size,
    mtimeMs: e.mtimeMs,
    linkTarget: e.linkTarget,
    hash: withHashes && e.type === 'file' ? hashFile(e.absolute) : null,
  }));
  return {
    entries,
    partials: source.partials?.list() ?? [],
    receivedThroughSeq: source.receivedThroughSeq,
    epoch: source.epoch,
  };
}
