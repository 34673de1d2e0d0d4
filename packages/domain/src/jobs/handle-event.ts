import { type JobState, jobStateLabels } from '@syncsafe/contracts';
import { type AllowedDecision, decide } from './decide.ts';
import { type EnteringEffects, enteringEffects, type JobNotice } from './entering-effects.ts';
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
      /** What entering `to` changes besides the state. */
      effects: EnteringEffects;
      /** A notification every console must see at once (persist it), or null. */
      notification: JobNotice | null;
      /**
       * Automatic failover: the decision whose operation to persist and run, exactly as if an operator had
       * asked for it (decided here, once; the transition is recorded with the event as its trigger).
       */
      operation: AllowedDecision | null;
    }
  | { outcome: 'ignored'; event: ConditionEvent; reason: string };

const conditionNotice = (message: string): JobNotice => ({ kind: 'failover-condition-met', message });

/**
 * The failover monitor's events. Condition met: automatic failover with the job's failover settings
 * (`AUTOMATIC_FAILOVER`), or, when the job waits for the user, a notification (Protecting → Failover
 * condition met; a test failover keeps running). Condition cleared: back to Protecting. A condition
 * already met is not raised again, nor one not met cleared. While an operation runs the event is
 * ignored; the monitor raises it again while the condition holds.
 */
export function handleEvent(facts: JobFacts, event: ConditionEvent): EventResult {
  const ignore = (reason: string): EventResult => ({ outcome: 'ignored', event, reason });
  if (!isStateOf(facts.type, facts.state)) return ignore(`${jobStateLabels[facts.state]} is not a state of this job type.`);
  if (facts.activeOperation) return ignore('An operation is running on the job; the failover monitor raises the condition again when it ends.');
  if (event === 'condition-met' && facts.isConditionMet) return ignore('The failover condition is already met.');
  if (event === 'condition-cleared' && !facts.isConditionMet) return ignore('The failover condition is not met.');
  const row = rowsFrom(facts.type, facts.state, event).find((r) => firstFailingGuard(facts, r.guards) === null);
  if (!row || row.to === 'deleted') return ignore(`Nothing to do while the job is ${jobStateLabels[facts.state]}.`);
  const transition = (to: JobState, notification: JobNotice | null, operation: AllowedDecision | null): EventResult => ({
    outcome: 'transition',
    event,
    from: facts.state,
    to,
    effects: enteringEffects(facts, event, to),
    notification,
    operation,
  });
  if (!row.operation) return transition(row.to, row.notifies ? conditionNotice('Failover condition met: the job waits for you to fail it over.') : null, null);
  const decision = decide(facts, AUTOMATIC_FAILOVER);
  if (decision.outcome === 'allowed' && decision.to !== 'deleted') {
    return transition(decision.to, conditionNotice('Failover condition met: automatic failover started.'), decision);
  }
  // Automatic failover cannot start: fall back to waiting for an operator, loudly.
  const reason = decision.outcome === 'refused' ? decision.reason : 'Failover is not available.';
  return transition(facts.state === 'protecting' ? 'failover-condition-met' : facts.state, conditionNotice(`Failover condition met, but automatic failover could not start: ${reason}`), null);
}
