import type { AgentStepCommandInput, AgentStepCommandName, JobState, MachineRole, OperationKind, ReversePhase } from '@syncsafe/contracts';
import type { JobCommandInput } from './job-input.ts';

/**
 * What the domain decides of an agent step's arguments. The API completes them with what only it knows
 * (the job id, directories, shares, identities, adapter mapping, channel endpoints and tokens).
 */
export type StepArgs<C extends AgentStepCommandName> = Partial<Omit<Extract<AgentStepCommandInput, { command: C }>, 'command' | 'jobId'>>;

interface StepOf<C extends AgentStepCommandName> {
  /** Unique in the plan and stable: with the operation id it makes the agent's idempotency key. */
  key: string;
  /** The machine it runs on, by the role it plays in the job when the plan is made (`roleServer`). */
  machine: MachineRole;
  command: C;
  args: StepArgs<C>;
  /** Reverse: the phase the job shows while this step runs. */
  phase?: ReversePhase;
  /** A failure is recorded and the operation goes on (e.g. shutting down a source that is already down). */
  isBestEffort?: boolean;
  /** Its result is the operation's report to keep and show (what a discard dropped, what a restore did not create). */
  keepsReport?: boolean;
  /** The key of an earlier step whose result this one needs (a channel grant from the receiving agent). */
  consumes?: string;
  /** What the step does, for the operation's step list. */
  description: string;
}

/** One step of an operation, in order, typed against the agent protocol's step commands. */
export type PlannedStep = { [C in AgentStepCommandName]: StepOf<C> }[AgentStepCommandName];

export interface PlannedOperation {
  kind: OperationKind;
  /** The state whose rules it follows (persist it with the operation; `OperationRecord.basisState`). */
  basisState: JobState;
  /** The state the job is in while it runs (its current state for Take Snapshot). */
  runningState: JobState;
  input: JobCommandInput;
  steps: PlannedStep[];
}
