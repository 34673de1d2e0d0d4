import type { AddressKind, JobState, JobType, OperationKind, SnapshotType, TargetDataState } from '@syncsafe/contracts';
import type { JobCommandInput } from './job-input.ts';

/** A server of the job, as configured (the original machines; Reverse never swaps them, `isReversed` does). */
export interface ServerFacts {
  id: string;
  name: string;
  /** How the console reaches it: reserved IP, public NAT or private address (some manual steps depend on it). */
  addressKind: AddressKind;
  /** Its communication port (6320 by default; a NAT'd server has another). */
  port: number;
}

export interface SnapshotFacts {
  /** The console's id, as `snapshotId` in a failover request. */
  id: string;
  /** The target agent's id, as `snapshotId` in step args. */
  agentSnapshotId: string;
  type: SnapshotType;
  /** ISO 8601. */
  takenAt: string;
  /** The target data state was good when it was taken. */
  isGood: boolean;
  /** Taken by the current (or last) test failover. */
  isTestSnapshot: boolean;
}

/**
 * An operation as the machine needs to remember it (the API persists it with the operation row).
 * `basisState` is the state whose rules it follows: the job's state when it started, or, for a retry
 * from Error, the state the failed operation had started from.
 */
export interface OperationRecord {
  kind: OperationKind;
  basisState: JobState;
  input: JobCommandInput;
}

/** Everything the rules read. Pure data: the API builds it from the job row, its operations, snapshots and agents. */
export interface JobFacts {
  type: JobType;
  state: JobState;
  /** The pending or running operation of the job; null when none. At most one, ever. */
  activeOperation: OperationRecord | null;
  /** In Error: the operation whose failure put the job there (null in every other state). */
  failedOperation: OperationRecord | null;
  /** Full Server: protection runs from the original target machine to the original source machine (after a Reverse). */
  isReversed: boolean;
  /** The original machines: `source` is the job's source server, `target` its target, `test` the test failover machine. */
  servers: { source: ServerFacts; target: ServerFacts; test: ServerFacts | null };
  /** The protected source identity's flags. */
  source: {
    isClustered: boolean;
    isDomainController: boolean;
    /** Runs a name-specific application such as Exchange. */
    hasNameSpecificApp: boolean;
    /**
     * Services known to fail their stop command (blocking drivers such as some anti-virus): the API fills
     * it with `servicesThatCannotStop` over the services last reported by the machine holding the source identity.
     */
    servicesThatCannotStop: string[];
  };
  /**
   * Full Server: the machine Reverse turns into the target (the one that held the source identity before
   * the last failover: the original source the first time) is online and reachable.
   */
  isOriginalSourceOnline: boolean;
  /** …and its production network adapter is up (the spec: a disabled or unplugged NIC breaks Reverse). */
  isProductionAdapterUp: boolean;
  options: {
    /** Wait for user before failover: a met failover condition notifies instead of failing over. */
    waitForUser: boolean;
    /** Full Server: reverse protection (automatic reverse configuration). */
    hasReverseProtection: boolean;
    /** Full Server: keep the test failover snapshot when the test is undone (else it is deleted). */
    keepTestSnapshotOnUndo: boolean;
    /** Services named in the job's failover options (stopped at failover unless left running). */
    services: string[];
  };
  targetDataState: TargetDataState;
  /** The target queue: received by the target and not yet applied. */
  queue: { bytes: number; ops: number; applyBytesPerSecond: number | null };
  snapshots: SnapshotFacts[];
  /**
   * Files and Folders: the server the last restore since the last failover wrote to (null when none, or
   * after Do Not Restore Data). Start waits for an edit when it is not the job's source.
   */
  lastRestoreServerId: string | null;
  /**
   * The failover condition (missed heartbeats over the window) is met and not yet cleared: set by the
   * `condition-met` transition, kept while the job stays in a state that watches for `condition-cleared`.
   */
  isConditionMet: boolean;
}

/** What a transition changes on the job row. Identities follow from these (see `identityHolders`). */
export interface JobLifecycle {
  state: JobState;
  isReversed: boolean;
}
