import { type JobCommand, JobCommandSchema, type JobState, JobStateSchema, jobStateLabels, type JobType } from '@syncsafe/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyDecision,
  completeOperation,
  decide,
  getAllowedActions,
  isStateOf,
  isTransient,
  type JobCommandInput,
  TRANSITION_TABLES,
  type TransitionRow,
} from '../../src/index.ts';
import { jobIn } from '../support/job-facts.ts';

/**
 * What the product allows in each state, written from the spec (not from the tables), for a job with
 * everything the happy paths need: reverse protection, a test machine, snapshots, the source online.
 * Error: after a failed failover (Files and Folders) or a failed test failover (Full Server) from Protecting.
 */
const EXPECTED: Record<JobType, Partial<Record<JobState, JobCommand[]>>> = {
  'files-and-folders': {
    protecting: ['failover', 'stop', 'take-snapshot', 'edit', 'delete'],
    'failover-condition-met': ['failover', 'stop', 'edit', 'delete'],
    'failed-over': ['restore', 'failback', 'edit', 'delete'],
    restored: ['restore', 'failback', 'edit', 'delete'],
    'failed-back': ['restore', 'edit', 'delete'],
    stopped: ['start', 'edit', 'delete'],
    error: ['failover', 'stop', 'edit', 'delete'],
  },
  'full-server': {
    protecting: ['failover', 'stop', 'take-snapshot', 'edit', 'delete'],
    'failover-condition-met': ['failover', 'stop', 'edit', 'delete'],
    'failed-over': ['reverse', 'edit', 'delete'],
    'test-failed-over': ['failover', 'undo-failover', 'take-snapshot', 'edit'],
    stopped: ['start', 'edit', 'delete'],
    error: ['failover', 'undo-failover', 'stop', 'edit', 'delete'],
  },
};

/** A valid input for a command in a state (the options the dialog would pick first). */
function inputFor(type: JobType, state: JobState, command: JobCommand): JobCommandInput {
  switch (command) {
    case 'failover':
      return { command, type: 'live', queue: 'apply' };
    case 'restore':
      return { command, restoreData: true };
    case 'edit':
      return { command, fields: ['name'] };
    case 'take-snapshot':
      return { command };
    default:
      return { command } as JobCommandInput;
  }
}

const TYPES: JobType[] = ['files-and-folders', 'full-server'];
const pairs = TYPES.flatMap((type) =>
  JobStateSchema.options.flatMap((state) => JobCommandSchema.options.map((command) => ({ type, state, command }))),
);

describe('every (state, command) pair of both machines', () => {
  it.each(pairs)('$type: $command while $state', ({ type, state, command }) => {
    const facts = jobIn(type, state);
    const expected = EXPECTED[type][state] ?? [];
    const decision = decide(facts, inputFor(type, state, command));
    const actions = getAllowedActions(facts);
    expect(actions.commands[command].allowed).toBe(expected.includes(command));
    expect(actions.allowedCommands).toEqual(expected);
    if (expected.includes(command)) {
      expect(decision.outcome).toBe('allowed');
      expect(actions.commands[command].reason).toBeNull();
      return;
    }
    expect(decision).toMatchObject({ outcome: 'refused', code: 'not-allowed-now', field: null, state, allowedCommands: expected });
    if (decision.outcome !== 'refused') return;
    expect(decision.reason).toBe(actions.commands[command].reason);
    if (!isStateOf(type, state)) expect(decision.reason).toContain('is not a state of a');
    else if (isTransient(state)) expect(decision.reason).toMatch(/wait for it to finish|deferred until the test server is online/);
    else expect(decision.reason.length).toBeGreaterThan(20);
  });
});

describe('refusals name the state and say why, in the product’s words', () => {
  const reason = (type: JobType, state: JobState, input: JobCommandInput) => {
    const decision = decide(jobIn(type, state), input);
    return decision.outcome === 'refused' ? decision.reason : null;
  };

  it('refuses Failback on a protecting job because it is not failed over', () => {
    expect(reason('files-and-folders', 'protecting', { command: 'failback' })).toBe(
      'Failback is not available while the job is Protecting: the job is not failed over.',
    );
  });

  it('refuses Restore and Failback on Full Server jobs and points to Reverse or manual reversal', () => {
    expect(reason('full-server', 'failed-over', { command: 'restore', restoreData: true })).toContain('Full Server jobs are not restored');
    expect(reason('full-server', 'failed-over', { command: 'failback' })).toContain('delete the job and create a new one');
  });

  it('refuses Reverse on a Files and Folders job', () => {
    expect(reason('files-and-folders', 'failed-over', { command: 'reverse' })).toContain('Reverse is for Full Server jobs');
  });

  it('refuses every command while an operation runs', () => {
    expect(reason('full-server', 'reversing', { command: 'delete' })).toBe(
      'Delete is not available while the job is Reversing: Reverse is running; wait for it to finish.',
    );
  });

  it('defers snapshots while a test failover is starting', () => {
    expect(reason('full-server', 'test-failing-over', { command: 'take-snapshot' })).toContain('deferred until the test server is online');
  });

  it('refuses Delete during a test failover', () => {
    expect(reason('full-server', 'test-failed-over', { command: 'delete' })).toContain('undo the test failover first');
  });

  it('tells an operator in Error what failed', () => {
    expect(reason('files-and-folders', 'error', { command: 'restore', restoreData: true })).toBe(
      'Restore is not available while the job is in Error: Failover failed; retry it, or edit or delete the job.',
    );
  });

  it('names a state that a job type never uses', () => {
    expect(reason('files-and-folders', 'test-failed-over', { command: 'start' })).toBe(
      `Start is not available: ${jobStateLabels['test-failed-over']} is not a state of a Files and Folders job.`,
    );
  });
});

/** A command row's input: the row's own options. */
function rowInput(row: TransitionRow): JobCommandInput {
  const on = row.on as JobCommand;
  if (on === 'failover') {
    const type = row.when?.types?.[0] ?? 'live';
    return { command: on, type, queue: 'apply', ...(type === 'snapshot' ? { snapshotId: 'snap-1' } : {}) };
  }
  if (on === 'restore') return { command: on, restoreData: row.when?.restoreData ?? true };
  return { command: on } as JobCommandInput;
}

const isCommand = (on: string): on is JobCommand => (JobCommandSchema.options as string[]).includes(on);

describe('every row of the tables is realised by the transition function', () => {
  for (const type of TYPES) {
    const rows = TRANSITION_TABLES[type];
    it.each(rows.filter((r) => isCommand(r.on) && r.from !== 'error').map((row) => ({ row })))(
      `${type}: $row.from --$row.on--> $row.to`,
      ({ row }) => {
        const facts = jobIn(type, row.from);
        const decision = decide(facts, rowInput(row));
        expect(decision.outcome).toBe('allowed');
        if (decision.outcome !== 'allowed') return;
        expect(decision.to).toBe(row.to);
        expect(decision.operation?.kind ?? null).toBe(row.operation ?? null);
      },
    );

    it.each(rows.filter((r) => r.on === 'operation-succeeded' || r.on === 'operation-failed').map((row) => ({ row })))(
      `${type}: $row.from --$row.on--> $row.to`,
      ({ row }) => {
        // Find a basis for which the row's guards hold: the spec's paths into this transient state.
        const bases = TRANSITION_TABLES[type].filter((r) => r.to === row.from && r.operation && isCommand(r.on));
        const results = bases.map((entry) => {
          const start = decide(jobIn(type, entry.from), rowInput(entry));
          if (start.outcome !== 'allowed') throw new Error(`cannot start ${entry.on} from ${entry.from}`);
          const running = applyDecision(jobIn(type, entry.from), start)!;
          const done = completeOperation(running, start.operation!.kind, row.on === 'operation-succeeded' ? { status: 'succeeded' } : { status: 'failed', error: 'boom' });
          return done.outcome === 'completed' ? done.to : null;
        });
        expect(results).toContain(row.to);
      },
    );
  }
});

describe('transient states', () => {
  it('are entered only by a command that starts an operation, and left only by its outcome', () => {
    for (const type of TYPES) {
      for (const row of TRANSITION_TABLES[type]) {
        if (row.to !== 'deleted' && isTransient(row.to)) expect(row.operation, `${row.from} --${row.on}--> ${row.to}`).toBeDefined();
        if (isTransient(row.from)) expect(['operation-succeeded', 'operation-failed']).toContain(row.on);
      }
    }
  });

  it('each have both outcome rows', () => {
    for (const type of TYPES) {
      const table = TRANSITION_TABLES[type];
      for (const state of JobStateSchema.options.filter((s) => isTransient(s) && isStateOf(type, s))) {
        expect(table.some((r) => r.from === state && r.on === 'operation-succeeded'), `${type} ${state} succeeded`).toBe(true);
        expect(table.some((r) => r.from === state && r.on === 'operation-failed' && r.to === 'error'), `${type} ${state} failed`).toBe(true);
      }
    }
  });

  it('only use states of their own job type', () => {
    for (const type of TYPES) {
      for (const row of TRANSITION_TABLES[type]) {
        expect(isStateOf(type, row.from), `${type} from ${row.from}`).toBe(true);
        if (row.to !== 'deleted') expect(isStateOf(type, row.to), `${type} to ${row.to}`).toBe(true);
      }
    }
  });
});
