import type { JobType } from '@syncsafe/contracts';
import { describe, expect, it } from 'vitest';
import { TRANSITION_TABLES } from '../../src/index.ts';
import { jobFacts } from '../support/job-facts.ts';
import { allInputs } from '../support/oracle.ts';
import { Simulation } from '../support/simulation.ts';

/**
 * Graph exploration (xstate's path tests, by hand): from jobs with every combination of the options that
 * guard rows, apply every input, event and outcome to every reachable state, checking the invariants
 * at each move, and prove that every row of both tables is reachable.
 */
const TYPES: JobType[] = ['files-and-folders', 'full-server'];
const INPUTS = allInputs();

function startingJobs(type: JobType): Simulation[] {
  const sims: Simulation[] = [];
  for (const waitForUser of [true, false]) {
    for (const hasReverseProtection of [true, false]) {
      for (const hasTestMachine of [true, false]) {
        const base = jobFacts(type);
        sims.push(
          new Simulation({
            ...base,
            servers: { ...base.servers, test: hasTestMachine ? base.servers.test : null },
            options: { ...base.options, waitForUser, hasReverseProtection },
          }),
        );
      }
    }
  }
  return sims;
}

/** What distinguishes two nodes for the rules (the operations' exact options aside). */
function nodeKey(sim: Simulation): string {
  const f = sim.facts;
  return JSON.stringify([
    f.type,
    f.state,
    f.activeOperation && [f.activeOperation.kind, f.activeOperation.basisState],
    f.failedOperation && [f.failedOperation.kind, f.failedOperation.basisState],
    f.isReversed,
    f.isConditionMet,
    f.lastRestoreServerId,
    f.servers.source.id,
    f.snapshots.map((s) => [s.id, s.isTestSnapshot]),
    f.options,
    f.servers.test !== null,
    sim.model,
  ]);
}

describe('graph exploration of both machines', () => {
  it('reaches every row of both tables, keeping the invariants on every move', () => {
    const moved = new Set<string>();
    const onMove = (type: JobType, from: string, on: string, to: string) => moved.add(`${type} ${from} ${on} ${to}`);
    const seen = new Set<string>();
    const queue: Simulation[] = [];
    for (const type of TYPES) {
      for (const sim of startingJobs(type)) {
        sim.onMove = onMove;
        if (!seen.has(nodeKey(sim))) {
          seen.add(nodeKey(sim));
          queue.push(sim);
        }
      }
    }
    const visit = (next: Simulation) => {
      const key = nodeKey(next);
      if (seen.has(key)) return;
      seen.add(key);
      queue.push(next);
    };
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const input of INPUTS) {
        const next = node.clone();
        if (next.issue(input).outcome === 'allowed') visit(next);
      }
      for (const isSuccess of [true, false]) {
        const next = node.clone();
        if (next.finish(isSuccess).outcome === 'completed') visit(next);
      }
      for (const event of ['condition-met', 'condition-cleared'] as const) {
        const next = node.clone();
        if (next.raise(event).outcome === 'transition') visit(next);
      }
      expect(seen.size).toBeLessThan(50_000);
    }
    const missing = TYPES.flatMap((type) =>
      TRANSITION_TABLES[type].map((row) => `${type} ${row.from} ${row.on} ${row.to}`).filter((key) => !moved.has(key)),
    );
    expect(missing).toEqual([]);
  }, 60_000);
});
