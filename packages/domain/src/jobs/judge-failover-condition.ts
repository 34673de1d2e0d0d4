import { type JobOptions, type JobState, type JobType, JobTypeSchema } from '@syncsafe/contracts';
import type { ConditionEvent } from './job-input.ts';
import { statesAccepting } from './tables.ts';

/** Every state, of any job type, in which the failover monitor has something to raise. */
export function monitoredStates(): JobState[] {
  const events: ConditionEvent[] = ['condition-met', 'condition-cleared'];
  return [...new Set(JobTypeSchema.options.flatMap((type) => events.flatMap((event) => statesAccepting(type, event))))];
}

export interface FailoverConditionFacts {
  type: JobType;
  state: JobState;
  /** The job row's `conditionMetAt` is set: the condition was met and has not cleared since. */
  isConditionMet: boolean;
  monitoring: JobOptions['monitoring'];
  /** Last heartbeat (ms) of the machine holding the source identity; when monitoring began if none since. */
  lastHeartbeatAt: number;
  now: number;
}

/**
 * The failover monitor's verdict on one job: the condition is met when the machine holding the source
 * identity missed its heartbeats over the job's window (missed heartbeats × interval), and cleared when
 * they are back. Raised only where the job's table accepts the event, and once per outage: a state in
 * which the condition stays met (Test failed over) is not told again while it holds. The condition can
 * stand met only in a state that accepts `condition-cleared`; elsewhere a `conditionMetAt` is left from
 * an earlier outage and does not hold back a new one.
 */
export function judgeFailoverCondition(facts: FailoverConditionFacts): ConditionEvent | null {
  const { monitoring } = facts;
  if (!monitoring.isEnabled) return null;
  const isMissing = facts.now - facts.lastHeartbeatAt > monitoring.missedHeartbeats * monitoring.heartbeatIntervalSeconds * 1000;
  const canStayMet = statesAccepting(facts.type, 'condition-cleared').includes(facts.state);
  const isMet = facts.isConditionMet && canStayMet;
  if (isMissing && !isMet && statesAccepting(facts.type, 'condition-met').includes(facts.state)) return 'condition-met';
  if (!isMissing && isMet) return 'condition-cleared';
  return null;
}
