import { type ActionWarning, type EditableJobField, type JobCommand, type JobState, jobStateLabels } from '@syncsafe/contracts';
import { allowedCommands, type CommandCheck, checkCommand } from './command-check.ts';
import { checkEditFields, editableFields } from './editable-fields.ts';
import { type EnteringEffects, enteringEffects } from './entering-effects.ts';
import { checkFailoverInput, type FieldProblem } from './failover-options.ts';
import { firstFailingGuard } from './guards.ts';
import type { JobFacts } from './job-facts.ts';
import type { JobCommandInput } from './job-input.ts';
import { planSteps } from './plan-steps.ts';
import type { PlannedOperation } from './planned-step.ts';
import { checkRestoreInput } from './restore-options.ts';
import { basisStateOf } from './state-groups.ts';
import type { TransitionRow } from './transition-row.ts';
import { warningsForInput } from './warnings.ts';

export interface AllowedDecision {
  outcome: 'allowed';
  command: JobCommand;
  from: JobState;
  /** The state to write now: the operation's running state, the same state for Edit, or `deleted`. */
  to: JobState | 'deleted';
  /** The operation to persist and run; null for Edit and Delete, which the API applies at once. */
  operation: PlannedOperation | null;
  /** The consequences of the options chosen (shown before the click; recorded with the operation). */
  warnings: ActionWarning[];
  /** Edit: the fields this state lets change. */
  editableFields: readonly EditableJobField[];
  /** What entering `to` changes besides the state (write them with the transition). */
  effects: EnteringEffects;
}

export interface RefusedDecision {
  outcome: 'refused';
  command: JobCommand;
  state: JobState;
  /** `not-allowed-now`: the command is not allowed in this state (409); `invalid-option`: an option is not (400, `field`). */
  code: 'not-allowed-now' | 'invalid-option';
  reason: string;
  field: string | null;
  /** The commands allowed in the current state, in toolbar order. */
  allowedCommands: JobCommand[];
}

export type Decision = AllowedDecision | RefusedDecision;

function refuse(facts: JobFacts, command: JobCommand, reason: string, field: string | null): RefusedDecision {
  return {
    outcome: 'refused',
    command,
    state: facts.state,
    code: field === null ? 'not-allowed-now' : 'invalid-option',
    reason,
    field,
    allowedCommands: allowedCommands(facts),
  };
}

/** The options of a command, checked with the same availability `getAllowedActions` shows. */
export function checkInput(facts: JobFacts, check: CommandCheck, input: JobCommandInput): FieldProblem | null {
  switch (input.command) {
    case 'failover':
      return checkFailoverInput(facts, check, input);
    case 'restore':
      return checkRestoreInput(facts, check, input);
    case 'edit':
      return checkEditFields(facts.state, input);
    default:
      return null;
  }
}

function rowMatches(row: TransitionRow, input: JobCommandInput): boolean {
  if (row.when?.types && !(input.command === 'failover' && row.when.types.includes(input.type))) return false;
  if (row.when?.restoreData !== undefined && !(input.command === 'restore' && row.when.restoreData === input.restoreData)) return false;
  return true;
}

/**
 * The transition function: may this command, with these options, run on the job now? Allowed: the
 * state to write, the operation to persist (kind, running state, ordered step plan) and the warnings
 * that apply. Refused: the reason in the product's words, the field at fault when an option is invalid,
 * and the commands allowed now. Pure: the API persists and runs what it returns.
 */
export function decide(facts: JobFacts, input: JobCommandInput): Decision {
  const { command } = input;
  const check = checkCommand(facts, command);
  if (!check.allowed) return refuse(facts, command, check.reason ?? `The job is ${jobStateLabels[facts.state]}.`, null);
  const problem = checkInput(facts, check, input);
  if (problem) return refuse(facts, command, problem.reason, problem.field);
  const row = check.rows.find((r) => rowMatches(r, input) && firstFailingGuard(facts, r.guards) === null);
  if (!row) return refuse(facts, command, `This choice is not available while the job is ${jobStateLabels[facts.state]}.`, null);
  const base = {
    outcome: 'allowed' as const,
    command,
    from: facts.state,
    to: row.to,
    warnings: warningsForInput(facts, input),
    editableFields: editableFields(facts.state),
    effects: enteringEffects(facts, command, row.to),
  };
  if (!row.operation || row.to === 'deleted') return { ...base, operation: null };
  return {
    ...base,
    operation: {
      kind: row.operation,
      basisState: basisStateOf(facts),
      runningState: row.to,
      input,
      steps: planSteps(facts, row.operation, input),
    },
  };
}

/**
 * The facts once an allowed decision is written: the running state and the active operation (or the
 * edited job as it was; null once deleted). The API does the same with its rows; tests use this.
 */
export function applyDecision(facts: JobFacts, decision: AllowedDecision): JobFacts | null {
  if (decision.to === 'deleted') return null;
  const isConditionMet = decision.effects.isConditionMet;
  if (!decision.operation) return { ...facts, state: decision.to, isConditionMet };
  const { kind, basisState, input } = decision.operation;
  return { ...facts, state: decision.to, isConditionMet, activeOperation: { kind, basisState, input }, failedOperation: null };
}
