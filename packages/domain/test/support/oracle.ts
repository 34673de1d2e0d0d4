import { type EditableJobField, type FailoverType, type JobActions, type QueueChoice } from '@syncsafe/contracts';
import { type JobCommandInput, type JobFacts, roleServer } from '../../src/index.ts';
import { NEW_SOURCE, SOURCE, TARGET } from './job-facts.ts';

/**
 * Whether `getAllowedActions` says this exact input can be chosen now, read only from what it returns
 * (plus the destination rules the dialog enforces): what `decide` must agree with.
 */
export function isOfferedNow(facts: JobFacts, actions: JobActions, input: JobCommandInput): boolean {
  if (!actions.commands[input.command].allowed) return false;
  switch (input.command) {
    case 'failover': {
      const type = actions.failover.types.find((t) => t.type === input.type)!;
      const queue = actions.failover.queue.find((q) => q.choice === input.queue)!;
      if (!type.allowed || !queue.allowed || !queue.types.includes(input.type)) return false;
      if (input.type === 'snapshot') {
        if (!actions.failover.snapshots.some((s) => s.snapshotId === input.snapshotId)) return false;
      } else if (input.snapshotId !== undefined) return false;
      return !input.leaveSourceRunning || actions.failover.leaveSource.types.includes(input.type);
    }
    case 'restore': {
      const choice = actions.restore?.choices.find((c) => c.restoreData === input.restoreData);
      if (!choice?.allowed) return false;
      if (!input.restoreData) return true;
      if (input.serverId !== undefined && input.serverId === roleServer(facts, 'target').id) return false;
      return input.port === undefined || (Number.isInteger(input.port) && input.port >= 1 && input.port <= 65535);
    }
    case 'edit':
      return (input.fields ?? []).every((f) => actions.edit.fields.includes(f));
    default:
      return true;
  }
}

const TYPES: FailoverType[] = ['live', 'test', 'snapshot'];
const QUEUES: QueueChoice[] = ['apply', 'discard', 'revert-if-bad'];
export const SNAPSHOT_IDS = ['snap-1', 'snap-2', 'snap-test', 'snap-new', 'unknown'];
export const SERVER_IDS = [undefined, SOURCE.id, TARGET.id, NEW_SOURCE];
const EDITS: EditableJobField[][] = [[], ['name'], ['name', 'options'], ['sourceServerId'], ['directories', 'replicaRoot']];

/** A broad set of inputs, valid and not, for every command. */
export function allInputs(): JobCommandInput[] {
  const failovers = TYPES.flatMap((type) =>
    QUEUES.flatMap((queue) =>
      [undefined, 'snap-1', 'snap-test', 'unknown'].flatMap((snapshotId) =>
        [false, true].map((leaveSourceRunning): JobCommandInput => ({ command: 'failover', type, queue, leaveSourceRunning, ...(snapshotId ? { snapshotId } : {}) })),
      ),
    ),
  );
  const restores = [true, false].flatMap((restoreData) =>
    SERVER_IDS.flatMap((serverId) =>
      [undefined, 7000, 0].map((port): JobCommandInput => ({ command: 'restore', restoreData, ...(serverId ? { serverId } : {}), ...(port !== undefined ? { port } : {}) })),
    ),
  );
  return [
    ...failovers,
    ...restores,
    ...EDITS.map((fields): JobCommandInput => ({ command: 'edit', fields })),
    { command: 'take-snapshot', snapshotType: 'manual' },
    { command: 'take-snapshot', snapshotType: 'scheduled' },
    { command: 'undo-failover' },
    { command: 'failback' },
    { command: 'reverse' },
    { command: 'start' },
    { command: 'stop' },
    { command: 'delete' },
  ];
}
