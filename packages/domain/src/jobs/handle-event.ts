import { type JobState, jobStateLabels } from '@syncsafe/contracts';
import { type AllowedDecision, decide } from './decide.ts';
import { firstFailingGuard } from './guards.ts';
import type { JobFacts } from './job-facts.ts';
import { AUTOMATIC_FAILOVER, type ConditionEvent } from './job-input.ts';
import { isStateOf } from './state-groups.ts';
import { rowsFrom } from './tables.ts';

export type EventResult =
  | {
      outcome: 'transition';
      event: ConditionEvent;
      from: JobState;
      to: JobState;
      /** A notification every console must see at once (persist it), or null. */
      notification: string | null;
      /** Automatic failover: the operation to persist and run, exactly as if an operator had asked for it. */
      operation: AllowedDecision | null;
    }
  | { outcome: 'ignored'; event: ConditionEvent; reason: string };

/**
 * The failover monitor's events. Condition met: automatic failover with the job's failover settings
 * (`AUTOMATIC_FAILOVER`), or, when the job waits for the user, "Failover condition met" and a
 * notification. Condition cleared: back to Protecting. While an operation runs the event is ignored;
 * the monitor raises it again while the condition holds.
 */
export function handleEvent(facts: JobFacts, event: ConditionEvent): EventResult {
  const ignore = (reason: string): EventResult => ({ outcome: 'ignored', event, reason });
  if (!isStateOf(facts.type, facts.state)) return ignore(`${jobStateLabels[facts.state]} is not a state of this job type.`);
  if (facts.activeOperation) return ignore('An operation is running on the job; the failover monitor raises the condition again when it ends.');
  const row = rowsFrom(facts.type, facts.state, event).find((r) => firstFailingGuard(facts, r.guards) === null);
  if (!row || row.to === 'deleted') return ignore(`Nothing to do while the job is ${jobStateLabels[facts.state]}.`);
  const base = { outcome: 'transition' as const, event, from: facts.state };
  if (!row.operation) {
    const notification = row.notifies ? 'Failover condition met: the job waits for you to fail it over.' : null;
    return { ...base, to: row.to, notification, operation: null };
  }
  const decision = decide(facts, AUTOMATIC_FAILOVER);
  if (decision.outcome === 'allowed') {
    return { ...base, to: decision.to as JobState, notification: 'Failover condition met: automatic failover started.', operation: decision };
  }
  // Automatic failover cannot start: fall back to waiting for an operator, loudly.
  return {
    ...base,
    to: facts.state === 'protecting' ? 'failover-condition-met' : facts.state,
    notification: `Failover condition met, but automatic failover could not start: ${decision.reason}`,
    operation: null,
  };
}
