import type { JobActions, JobState, JobType } from '@syncsafe/contracts';
import { expect } from 'vitest';
import {
  applyDecision,
  type CompletionResult,
  completeOperation,
  type ConditionEvent,
  type Decision,
  decide,
  type EventResult,
  getAllowedActions,
  handleEvent,
  identityHolders,
  isStateOf,
  isTransient,
  type JobCommandInput,
  type JobFacts,
  machineIdentities,
  type MachineName,
  type PlannedOperation,
} from '../../src/index.ts';
import { jobFacts, snapshot } from './job-facts.ts';
import { isOfferedNow } from './oracle.ts';

/**
 * The model: what the spec says about who holds which identity, tracked on its own, move by move,
 * independently of the machine (which derives identities from its state and direction).
 */
export interface Model {
  type: JobType;
  isReversed: boolean;
  sourceHolder: MachineName;
  /** Null: the target identity no longer exists (Full Server, after a live failover). */
  targetHolder: MachineName | null;
  runningOperations: number;
}

export const freshModel = (type: JobType): Model => ({
  type,
  isReversed: false,
  sourceHolder: 'originalSource',
  targetHolder: 'originalTarget',
  runningOperations: 0,
});

const other = (m: MachineName): MachineName => (m === 'originalSource' ? 'originalTarget' : 'originalSource');
const sourceRole = (model: Model): MachineName => (model.type === 'full-server' && model.isReversed ? 'originalTarget' : 'originalSource');
const serverOf = (facts: JobFacts, m: MachineName) => (m === 'originalSource' ? facts.servers.source.id : facts.servers.target.id);

/** What the spec says an operation that succeeded did to the identities. */
function advanceModel(model: Model, kind: PlannedOperation['kind']): void {
  if (kind === 'failover') {
    model.sourceHolder = other(sourceRole(model));
    if (model.type === 'full-server') model.targetHolder = null;
  }
  if (kind === 'failback') model.sourceHolder = 'originalSource';
  if (kind === 'reverse') {
    model.targetHolder = sourceRole(model);
    model.isReversed = !model.isReversed;
  }
}

/** Facts are replaced, never mutated: the actions of one facts object are computed once. */
const actionsCache = new WeakMap<JobFacts, JobActions>();
export function actionsOf(facts: JobFacts): JobActions {
  let actions = actionsCache.get(facts);
  if (!actions) {
    actions = getAllowedActions(facts);
    actionsCache.set(facts, actions);
  }
  return actions;
}

/** `decide` agrees with `getAllowedActions` on this input. */
export function decideChecked(facts: JobFacts, input: JobCommandInput, actions = actionsOf(facts)): Decision {
  const decision = decide(facts, input);
  expect(decision.outcome === 'allowed', `${facts.state} ${JSON.stringify(input)}`).toBe(isOfferedNow(facts, actions, input));
  if (decision.outcome === 'refused') {
    expect(decision.allowedCommands).toEqual(actions.allowedCommands);
    if (decision.code === 'not-allowed-now') expect(decision.reason).toBe(actions.commands[input.command].reason);
    else expect(decision.field).not.toBeNull();
  }
  return decision;
}

/** Every allowed plan: unique keys; a discard is its own step whose report is kept, before the failover step. */
export function checkPlan(operation: PlannedOperation): void {
  const keys = operation.steps.map((s) => s.key);
  expect(new Set(keys).size).toBe(keys.length);
  const { input } = operation;
  if (input.command === 'failover' && input.queue === 'discard') {
    const discard = operation.steps.findIndex((s) => s.command === 'discard-queue' && s.keepsReport);
    const failover = operation.steps.findIndex((s) => s.command === 'failover-files' || s.command === 'failover-full-server');
    expect(discard).toBeGreaterThanOrEqual(0);
    expect(discard).toBeLessThan(failover);
  }
  if (input.command === 'failover' && input.queue === 'revert-if-bad') {
    expect(operation.steps.at(-1)).toMatchObject({ command: 'failover-full-server', keepsReport: true });
  }
  for (const step of operation.steps) if (step.command === 'shut-down') expect(step.isBestEffort).toBe(true);
}

/** What the API records as the agents report: snapshots taken and deleted by the operation's steps. */
function recordEffects(facts: JobFacts, operation: PlannedOperation): JobFacts {
  const { steps } = operation;
  const deleted = new Set(steps.flatMap((s) => (s.command === 'delete-snapshot' ? [s.args.snapshotId] : [])));
  const isUndone = steps.some((s) => s.command === 'undo-failover');
  let snapshots = facts.snapshots.filter((s) => !deleted.has(s.agentSnapshotId)).map((s) => (isUndone ? { ...s, isTestSnapshot: false } : s));
  const add = (id: string, extra: Partial<Parameters<typeof snapshot>[0]>) => [...snapshots.filter((s) => s.id !== id), snapshot({ id, ...extra })];
  if (operation.kind === 'test-failover') snapshots = add('snap-test', { takenAt: '2026-11-25T10:00:00.000Z', isTestSnapshot: true });
  if (operation.kind === 'take-snapshot') snapshots = add('snap-new', { type: 'manual', takenAt: '2026-11-24T10:00:00.000Z' });
  return { ...facts, snapshots };
}

export type MoveListener = (type: JobType, from: JobState, on: string, to: string) => void;

/** One job driven through the machine as the API would, checking every invariant after each move. */
export class Simulation {
  constructor(
    public facts: JobFacts,
    public model: Model = freshModel(facts.type),
    public plan: PlannedOperation | null = null,
    public onMove: MoveListener = () => {},
  ) {}

  clone(): Simulation {
    return new Simulation(this.facts, { ...this.model }, this.plan, this.onMove);
  }

  issue(input: JobCommandInput): Decision {
    const before = this.facts;
    const decision = decideChecked(before, input);
    // Never two operations: nothing is allowed while one runs.
    if (this.model.runningOperations > 0 || isTransient(before.state)) expect(decision.outcome).toBe('refused');
    if (decision.outcome === 'refused') return decision;
    this.onMove(before.type, before.state, input.command, decision.to);
    const after = applyDecision(before, decision);
    if (!after) {
      // Deleted: the operator creates a new job on the same machines.
      this.model = freshModel(before.type);
      this.plan = null;
      this.facts = jobFacts(before.type, { state: 'stopped', servers: before.servers, options: before.options, source: before.source });
    } else {
      this.facts = after;
      if (decision.operation) {
        checkPlan(decision.operation);
        this.plan = decision.operation;
        this.model.runningOperations += 1;
      }
    }
    this.checkInvariants();
    return decision;
  }

  finish(isSuccess: boolean): CompletionResult {
    const before = this.facts;
    const running = before.activeOperation;
    const result = completeOperation(before, running?.kind ?? 'failover', isSuccess ? { status: 'succeeded' } : { status: 'failed', error: 'injected' });
    if (!running) {
      expect(result.outcome).toBe('ignored');
      return result;
    }
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return result;
    this.onMove(before.type, before.state, result.trigger, result.to);
    expect(isTransient(result.to)).toBe(false);
    this.model.runningOperations -= 1;
    if (isSuccess) advanceModel(this.model, running.kind);
    this.facts = isSuccess && this.plan ? recordEffects(result.next, this.plan) : result.next;
    this.plan = null;
    this.checkInvariants();
    return result;
  }

  raise(event: ConditionEvent): EventResult {
    const before = this.facts;
    const result = handleEvent(before, event);
    if (this.model.runningOperations > 0 || isTransient(before.state)) expect(result.outcome).toBe('ignored');
    if (result.outcome === 'transition') {
      this.onMove(before.type, before.state, event, result.to);
      if (result.operation?.operation) {
        checkPlan(result.operation.operation);
        this.plan = result.operation.operation;
        this.model.runningOperations += 1;
        this.facts = { ...applyDecision(before, result.operation)!, isConditionMet: result.effects.isConditionMet };
      } else {
        this.facts = { ...before, state: result.to, isConditionMet: result.effects.isConditionMet };
      }
    }
    this.checkInvariants();
    return result;
  }

  /** The world moves on its own (machines up and down, the queue, settings); the state never does. */
  change(patch: (facts: JobFacts) => Partial<JobFacts>): void {
    const before = this.facts;
    this.facts = { ...before, ...patch(before) };
    expect(this.facts.state).toBe(before.state);
    this.checkInvariants();
  }

  checkInvariants(): void {
    const { facts, model } = this;
    expect(isStateOf(facts.type, facts.state)).toBe(true);
    // A job is never in two operations: one record at most, and a transient state always has it.
    expect(model.runningOperations).toBeLessThanOrEqual(1);
    expect(facts.activeOperation !== null).toBe(model.runningOperations === 1);
    if (isTransient(facts.state)) expect(facts.activeOperation).not.toBeNull();
    if (facts.activeOperation && !isTransient(facts.state)) expect(facts.activeOperation.kind).toBe('take-snapshot');
    expect(facts.failedOperation !== null).toBe(facts.state === 'error');
    // The source identity is held by exactly one machine; the target identity by at most one.
    const held = Object.values(machineIdentities(facts));
    expect(held.filter((h) => h === 'source')).toHaveLength(1);
    expect(held.filter((h) => h === 'target').length).toBeLessThanOrEqual(1);
    // …and they are where the spec's moves put them.
    expect(facts.isReversed).toBe(model.isReversed);
    const holders = identityHolders(facts);
    expect(holders.source.serverId).toBe(serverOf(facts, model.sourceHolder));
    if (facts.type === 'full-server') {
      expect(holders.target?.serverId ?? null).toBe(model.targetHolder ? serverOf(facts, model.targetHolder) : null);
    }
  }
}
