import type { AgentReplicationOp } from '@syncsafe/contracts';
import type { TreeEntry } from './tree-walk.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An op header before it is numbered: `seq` and `capturedAt` are added when it is sent. */
export type MarkerOp = DistributiveOmit<
  Extract<AgentReplicationOp, { kind: 'mirror-started' | 'mirror-completed' | 'system-state' }>,
  'seq' | 'capturedAt'
>;

/**
 * A change decided by the sender. File content is read only when the op is sent, so the target
 * receives the newest content even when the file changed while waiting.
 */
export type PlannedOp =
  | { kind: 'mkdir'; entry: TreeEntry }
  | { kind: 'file'; entry: TreeEntry; resumeFrom: number }
  | { kind: 'symlink'; entry: TreeEntry }
  | { kind: 'set-attributes'; entry: TreeEntry }
  | { kind: 'delete'; path: string }
  | { kind: 'rename'; fromPath: string; path: string }
  | { kind: 'marker'; op: MarkerOp };
