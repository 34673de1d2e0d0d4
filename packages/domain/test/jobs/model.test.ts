import { type JobState, JobStateSchema, type JobType } from '@syncsafe/contracts';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type ConditionEvent, getAllowedActions, isTransient, type JobCommandInput, type JobFacts } from '../../src/index.ts';
import { jobFacts, NEW_SOURCE, snapshot } from '../support/job-facts.ts';
import { allInputs, isOfferedNow, SERVER_IDS, SNAPSHOT_IDS } from '../support/oracle.ts';
import { actionsOf, decideChecked, type Model, Simulation } from '../support/simulation.ts';

/**
 * Model-based: thousands of random sequences of commands (valid or not), failover-monitor events,
 * operation outcomes and changes in the world. After every move the simulation checks the invariants:
 * a job is never in two operations; the source identity is held by exactly one machine, the one the
 * spec's moves put it on; a discard is its own step whose report is kept; decide agrees with
 * getAllowedActions on the input; transient states are left only by operation outcomes.
 */
interface Real {
  sim: Simulation;
}

abstract class Move implements fc.Command<Model, Real> {
  check = () => true;
  abstract run(model: Model, real: Real): void;
  abstract toString(): string;
}

class Issue extends Move {
  constructor(readonly input: JobCommandInput) {
    super();
  }
  run = (_m: Model, { sim }: Real) => void sim.issue(this.input);
  toString = () => `issue(${JSON.stringify(this.input)})`;
}

const ALL_INPUTS = allInputs();
const kindOf = (input: JobCommandInput): string =>
  input.command === 'failover' ? input.type : input.command === 'restore' ? String(input.restoreData) : input.command;

/** One of the inputs the actions offer now, chosen by index: a command, a kind of it, then a variant. Drives sequences deep. */
class IssueOffered extends Move {
  constructor(readonly index: number) {
    super();
  }
  run = (_m: Model, { sim }: Real) => {
    const actions = actionsOf(sim.facts);
    const commands = actions.allowedCommands.filter((c) => c !== 'delete');
    if (commands.length === 0) return;
    let n = this.index;
    const pick = <T,>(list: readonly T[]): T => {
      const item = list[n % list.length]!;
      n = Math.floor(n / list.length);
      return item;
    };
    const command = pick(commands);
    const offered = ALL_INPUTS.filter((input) => input.command === command && isOfferedNow(sim.facts, actions, input));
    const kind = pick([...new Set(offered.map(kindOf))]);
    sim.issue(pick(offered.filter((input) => kindOf(input) === kind)));
  };
  toString = () => `issueOffered(${this.index})`;
}

class Finish extends Move {
  constructor(readonly isSuccess: boolean) {
    super();
  }
  run = (_m: Model, { sim }: Real) => void sim.finish(this.isSuccess);
  toString = () => `finish(${this.isSuccess ? 'succeeded' : 'failed'})`;
}

class Raise extends Move {
  constructor(readonly event: ConditionEvent) {
    super();
  }
  run = (_m: Model, { sim }: Real) => void sim.raise(this.event);
  toString = () => `event(${this.event})`;
}

class ChangeWorld extends Move {
  constructor(
    readonly name: string,
    readonly patch: (facts: JobFacts) => Partial<JobFacts>,
  ) {
    super();
  }
  run = (_m: Model, { sim }: Real) => sim.change(this.patch);
  toString = () => `world(${this.name})`;
}

const rawInput: fc.Arbitrary<JobCommandInput> = fc.oneof(
  fc
    .record({
      type: fc.constantFrom('live' as const, 'test' as const, 'snapshot' as const),
      queue: fc.constantFrom('apply' as const, 'discard' as const, 'revert-if-bad' as const),
      snapshotId: fc.option(fc.constantFrom(...SNAPSHOT_IDS), { nil: undefined }),
      leaveSourceRunning: fc.boolean(),
    })
    .map(({ snapshotId, ...rest }): JobCommandInput => ({ command: 'failover', ...rest, ...(snapshotId ? { snapshotId } : {}) })),
  fc
    .record({ restoreData: fc.boolean(), serverId: fc.constantFrom(...SERVER_IDS), port: fc.constantFrom(undefined, 7000, 0) })
    .map(({ serverId, port, restoreData }): JobCommandInput => ({ command: 'restore', restoreData, ...(serverId ? { serverId } : {}), ...(port !== undefined ? { port } : {}) })),
  fc.constantFrom<JobCommandInput>(
    { command: 'undo-failover' },
    { command: 'failback' },
    { command: 'reverse' },
    { command: 'start' },
    { command: 'stop' },
    { command: 'take-snapshot' },
    { command: 'edit', fields: ['name'] },
    { command: 'edit', fields: ['sourceServerId'] },
  ),
);

const worldChanges = fc.oneof(
  fc.boolean().map((v) => new ChangeWorld(`originalSourceOnline=${v}`, () => ({ isOriginalSourceOnline: v }))),
  fc.boolean().map((v) => new ChangeWorld(`productionAdapterUp=${v}`, () => ({ isProductionAdapterUp: v }))),
  fc.constantFrom('good' as const, 'bad' as const, 'unknown' as const).map((v) => new ChangeWorld(`targetDataState=${v}`, () => ({ targetDataState: v }))),
  fc
    .record({ bytes: fc.nat(1e9), ops: fc.nat(1e5), rate: fc.option(fc.nat(1e8), { nil: null }) })
    .map((q) => new ChangeWorld(`queue=${JSON.stringify(q)}`, () => ({ queue: { bytes: q.bytes, ops: q.ops, applyBytesPerSecond: q.rate } }))),
  fc.boolean().map((v) => new ChangeWorld(`waitForUser=${v}`, (f) => ({ options: { ...f.options, waitForUser: v } }))),
  fc.boolean().map((v) => new ChangeWorld(`reverseProtection=${v}`, (f) => ({ options: { ...f.options, hasReverseProtection: v } }))),
  fc.boolean().map((v) => new ChangeWorld(`keepTestSnapshot=${v}`, (f) => ({ options: { ...f.options, keepTestSnapshotOnUndo: v } }))),
  fc.boolean().map((v) => new ChangeWorld(`domainController=${v}`, (f) => ({ source: { ...f.source, isDomainController: v } }))),
  fc.constant(new ChangeWorld('no snapshots', () => ({ snapshots: [] }))),
  fc.constant(
    new ChangeWorld('edit the job to the restored source', (f) =>
      f.state === 'stopped' && f.lastRestoreServerId === NEW_SOURCE ? { servers: { ...f.servers, source: { ...f.servers.source, id: NEW_SOURCE } } } : {},
    ),
  ),
);

const moves = fc.commands<Model, Real>(
  [
    rawInput.map((input) => new Issue(input)),
    fc.constant(new Issue({ command: 'delete' })),
    fc.nat(100_000).map((i) => new IssueOffered(i)),
    fc.nat(100_000).map((i) => new IssueOffered(i)),
    fc.nat(100_000).map((i) => new IssueOffered(i)),
    fc.boolean().map((ok) => new Finish(ok)),
    fc.constant(new Finish(true)),
    fc.constant(new Finish(true)),
    fc.constantFrom<ConditionEvent>('condition-met', 'condition-cleared').map((e) => new Raise(e)),
    worldChanges,
  ],
  { maxCommands: 40, size: 'max' },
);

const start = fc.record({
  type: fc.constantFrom<JobType>('files-and-folders', 'full-server'),
  isStopped: fc.boolean(),
  waitForUser: fc.boolean(),
  hasReverseProtection: fc.boolean(),
  hasTestMachine: fc.constantFrom(true, true, false),
  isClustered: fc.boolean(),
});

describe('model-based: random command, event and outcome sequences', () => {
  it('keep every invariant', () => {
    fc.assert(
      fc.property(start, moves, (init, sequence) => {
        const base = jobFacts(init.type, { state: init.isStopped ? 'stopped' : 'protecting' });
        const facts: JobFacts = {
          ...base,
          servers: { ...base.servers, test: init.hasTestMachine ? base.servers.test : null },
          options: { ...base.options, waitForUser: init.waitForUser, hasReverseProtection: init.hasReverseProtection },
          source: { ...base.source, isClustered: init.isClustered },
        };
        const sim = new Simulation(facts);
        fc.modelRun(() => ({ model: sim.model, real: { sim } }), sequence);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('getAllowedActions agrees with decide', () => {
  it('for every input, on arbitrary facts in every state', () => {
    const factsArb = fc
      .record({
        type: fc.constantFrom<JobType>('files-and-folders', 'full-server'),
        state: fc.constantFrom(...JobStateSchema.options),
        isSnapshotRunning: fc.boolean(),
        failedKind: fc.constantFrom('failover' as const, 'test-failover' as const, 'restore' as const, 'undo-failover' as const, 'stop' as const),
        basis: fc.constantFrom<JobState>('protecting', 'failed-over', 'failed-back', 'test-failed-over', 'stopped', 'restored'),
        waitForUser: fc.boolean(),
        hasReverseProtection: fc.boolean(),
        hasTestMachine: fc.boolean(),
        isDomainController: fc.boolean(),
        isOnline: fc.boolean(),
        dataState: fc.constantFrom('good' as const, 'bad' as const, 'unknown' as const),
        hasSnapshots: fc.boolean(),
        isReversed: fc.boolean(),
        lastRestore: fc.constantFrom(null, NEW_SOURCE),
      })
      .map((f): JobFacts => {
        const base = jobFacts(f.type, { state: f.state });
        const record = { kind: f.failedKind, basisState: f.basis, input: { command: 'failover', type: 'live', queue: 'apply' } as JobCommandInput };
        const snapshotRunning = { kind: 'take-snapshot' as const, basisState: f.state, input: { command: 'take-snapshot' } as JobCommandInput };
        return {
          ...base,
          activeOperation: isTransient(f.state) ? record : f.isSnapshotRunning && f.state === 'protecting' ? snapshotRunning : null,
          failedOperation: f.state === 'error' ? record : null,
          isReversed: f.type === 'full-server' && f.isReversed,
          servers: { ...base.servers, test: f.hasTestMachine ? base.servers.test : null },
          options: { ...base.options, waitForUser: f.waitForUser, hasReverseProtection: f.hasReverseProtection },
          source: { ...base.source, isDomainController: f.isDomainController },
          isOriginalSourceOnline: f.isOnline,
          targetDataState: f.dataState,
          snapshots: f.hasSnapshots ? [snapshot({ id: 'snap-1' }), snapshot({ id: 'snap-test', isTestSnapshot: true, isGood: false })] : [],
          lastRestoreServerId: f.lastRestore,
        };
      });
    fc.assert(
      fc.property(factsArb, (facts) => {
        const actions = getAllowedActions(facts);
        for (const input of ALL_INPUTS) decideChecked(facts, input, actions);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
