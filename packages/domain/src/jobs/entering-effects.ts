import type { JobState, ReversePhase } from '@syncsafe/contracts';
import type { JobFacts } from './job-facts.ts';
import type { JobTrigger } from './job-input.ts';
import { statesAccepting } from './tables.ts';

/** What entering a state changes on the job besides the state; the API writes it with the transition. */
export interface EnteringEffects {
  /** Reverse: the phase shown (Restoring first; the steps move it on); null in every other state. */
  reversePhase: ReversePhase | null;
  /** Whether the failover condition is met once the transition is written (the job's `conditionMetAt`). */
  isConditionMet: boolean;
}

/** A notification every console must see at once; the API prefixes the job's name. */
export interface JobNotice {
  kind: 'failover-condition-met' | 'operation-failed';
  message: string;
}

/**
 * The effects of moving the job to `to` on `trigger`. The condition stays met only while the job stays
 * in a state whose rows watch for `condition-cleared` (Failover condition met, Test failed over): any
 * other move (a failover, a stop) ends it, so the monitor can raise it afresh later.
 */
export function enteringEffects(facts: JobFacts, trigger: JobTrigger, to: JobState | 'deleted'): EnteringEffects {
  const isStillWatched = to !== 'deleted' && statesAccepting(facts.type, 'condition-cleared').includes(to);
  return {
    reversePhase: to === 'reversing' ? 'restoring' : null,
    isConditionMet: trigger === 'condition-met' || (trigger !== 'condition-cleared' && facts.isConditionMet && isStillWatched),
  };
}
