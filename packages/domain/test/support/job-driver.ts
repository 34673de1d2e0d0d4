import type { JobState } from '@syncsafe/contracts';
import {
  type AllowedDecision,
  applyDecision,
  type CompletedOperation,
  completeOperation,
  type ConditionEvent,
  decide,
  type EventResult,
  handleEvent,
  identityHolders,
  type JobCommandInput,
  type JobFacts,
  type RefusedDecision,
} from '../../src/index.ts';

/** Drives one job through the machine the way the API does: decide, persist, run, complete. */
export class JobDriver {
  facts: JobFacts | null;

  constructor(facts: JobFacts) {
    this.facts = facts;
  }

  get job(): JobFacts {
    if (!this.facts) throw new Error('The job was deleted');
    return this.facts;
  }

  get state(): JobState {
    return this.job.state;
  }

  /** Which server answers as the source identity, and which holds the target identity (null: gone). */
  get identities(): { source: string; target: string | null } {
    const holders = identityHolders(this.job);
    return { source: holders.source.serverId, target: holders.target?.serverId ?? null };
  }

  command(input: JobCommandInput): AllowedDecision {
    const decision = decide(this.job, input);
    if (decision.outcome === 'refused') throw new Error(`${input.command} refused in ${this.state}: ${decision.reason}`);
    this.facts = applyDecision(this.job, decision);
    return decision;
  }

  refused(input: JobCommandInput): RefusedDecision {
    const decision = decide(this.job, input);
    if (decision.outcome === 'allowed') throw new Error(`${input.command} was allowed in ${this.state}`);
    return decision;
  }

  private finish(outcome: Parameters<typeof completeOperation>[2]): CompletedOperation {
    const operation = this.job.activeOperation;
    if (!operation) throw new Error(`No operation is running in ${this.state}`);
    const result = completeOperation(this.job, operation.kind, outcome);
    if (result.outcome === 'ignored') throw new Error(result.reason);
    this.facts = result.next;
    return result;
  }

  succeed(): CompletedOperation {
    return this.finish({ status: 'succeeded' });
  }

  fail(error = 'step failed'): CompletedOperation {
    return this.finish({ status: 'failed', error });
  }

  event(event: ConditionEvent): EventResult {
    const result = handleEvent(this.job, event);
    if (result.outcome === 'transition') {
      const moved = result.operation ? applyDecision(this.job, result.operation) : { ...this.job, state: result.to };
      this.facts = moved && { ...moved, isConditionMet: result.effects.isConditionMet };
    }
    return result;
  }

  /** What the agents or an edit changed (snapshots taken, a source back online…). */
  world(patch: Partial<JobFacts>): void {
    this.facts = { ...this.job, ...patch };
  }
}
