import type { JobState, JobType } from '@syncsafe/contracts';
import type { JobFacts } from './job-facts.ts';

/** Entered by a command, left only by the outcome of the operation it started. */
export const TRANSIENT_STATES = [
  'failing-over',
  'test-failing-over',
  'undoing-test',
  'restoring',
  'failing-back',
  'reversing',
  'starting',
  'stopping',
] as const satisfies readonly JobState[];

/** Protection is running from the source to the target. */
export const PROTECTING_STATES = ['protecting', 'failover-condition-met', 'test-failed-over'] as const satisfies readonly JobState[];

/**
 * The source is sending to the target: protection runs, and keeps running while a test failover is
 * started, runs or is undone (the spec: "protection continues"). What a target that moved to another
 * address or port must be followed in.
 */
export const SENDING_STATES = [...PROTECTING_STATES, 'test-failing-over', 'undoing-test'] as const satisfies readonly JobState[];

/** Failover or Cutover may be chosen (the spec: during a test too, which undoes the test first). */
export const FAILOVER_STATES = ['protecting', 'failover-condition-met', 'test-failed-over'] as const satisfies readonly JobState[];

/**
 * The target stands in for the source (it holds the source identity) and stays linked to the job: a new
 * job cannot use that target until this one is deleted.
 */
export const FAILED_OVER_STATES = ['failed-over', 'restoring', 'restored', 'failing-back', 'reversing'] as const satisfies readonly JobState[];

/** The states each job type's machine uses; the others never occur for it. */
export const STATES_BY_TYPE = {
  'files-and-folders': [
    'protecting',
    'failover-condition-met',
    'failing-over',
    'failed-over',
    'restoring',
    'restored',
    'failing-back',
    'failed-back',
    'starting',
    'stopping',
    'stopped',
    'error',
  ],
  'full-server': [
    'protecting',
    'failover-condition-met',
    'failing-over',
    'failed-over',
    'test-failing-over',
    'test-failed-over',
    'undoing-test',
    'reversing',
    'starting',
    'stopping',
    'stopped',
    'error',
  ],
} as const satisfies Record<JobType, readonly JobState[]>;

const includes = (list: readonly JobState[], state: JobState): boolean => list.includes(state);

export const isTransient = (state: JobState): boolean => includes(TRANSIENT_STATES, state);
export const isProtecting = (state: JobState): boolean => includes(PROTECTING_STATES, state);
export const isSending = (state: JobState): boolean => includes(SENDING_STATES, state);
export const allowsFailover = (state: JobState): boolean => includes(FAILOVER_STATES, state);
export const isFailedOver = (state: JobState): boolean => includes(FAILED_OVER_STATES, state);
export const isStateOf = (type: JobType, state: JobState): boolean => includes(STATES_BY_TYPE[type], state);

/** Whether the job's target is still linked to it in a way that forbids a new job on that target. */
export const linksTarget = (state: JobState): boolean => isFailedOver(state);

export const hasActiveOperation = (facts: Pick<JobFacts, 'activeOperation'>): boolean => facts.activeOperation !== null;

/**
 * The state the rules apply in: the state itself, or in Error the state the failed operation started
 * from (a retry follows that state's rules), or while an operation runs the state it started from.
 */
export function basisStateOf(facts: Pick<JobFacts, 'state' | 'activeOperation' | 'failedOperation'>): JobState {
  if (facts.activeOperation) return facts.activeOperation.basisState;
  if (facts.state === 'error' && facts.failedOperation) return facts.failedOperation.basisState;
  return facts.state;
}

/**
 * A test failover may be running on the test machine: the job is Test failed over, or it is in Error
 * after a test failover (or its undo) failed part-way. Live or snapshot failover undoes it first.
 */
export function isTestInProgress(facts: Pick<JobFacts, 'state' | 'activeOperation' | 'failedOperation'>): boolean {
  const basis = basisStateOf(facts);
  if (basis === 'test-failed-over') return true;
  const failed = facts.state === 'error' ? facts.failedOperation : null;
  return failed !== null && (failed.kind === 'test-failover' || failed.kind === 'undo-failover');
}
