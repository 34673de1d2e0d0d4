import type { JobState } from '@syncsafe/contracts';
import { describe, expect, it } from 'vitest';
import { type FailoverConditionFacts, judgeFailoverCondition, monitoredStates, statesAccepting, TRANSITION_TABLES } from '../../src/index.ts';

const MONITORING = { isEnabled: true, missedHeartbeats: 5, heartbeatIntervalSeconds: 2 };
/** The window is 5 × 2 s. */
const NOW = 1_000_000;
const HEARD = NOW - 1000;
const SILENT = NOW - 10_001;

function facts(overrides: Partial<FailoverConditionFacts> = {}): FailoverConditionFacts {
  return { type: 'full-server', state: 'protecting', isConditionMet: false, monitoring: MONITORING, lastHeartbeatAt: HEARD, now: NOW, ...overrides };
}

describe('statesAccepting', () => {
  it('reads from the tables the states that take the failover monitor’s events', () => {
    expect(statesAccepting('files-and-folders', 'condition-met')).toEqual(['protecting']);
    expect(statesAccepting('files-and-folders', 'condition-cleared')).toEqual(['failover-condition-met']);
    expect(statesAccepting('full-server', 'condition-met')).toEqual(['protecting', 'test-failed-over']);
    expect(statesAccepting('full-server', 'condition-cleared')).toEqual(['failover-condition-met', 'test-failed-over']);
  });

  it('names each state once, whatever the number of its rows', () => {
    expect(statesAccepting('full-server', 'failover')).toEqual(['protecting', 'failover-condition-met', 'test-failed-over']);
  });

  it('monitors the union of the states accepting either event, for every job type', () => {
    expect(monitoredStates().sort()).toEqual(['failover-condition-met', 'protecting', 'test-failed-over']);
  });
});

describe('judgeFailoverCondition', () => {
  it('meets the condition once the source identity’s machine is silent for longer than the window', () => {
    expect(judgeFailoverCondition(facts({ lastHeartbeatAt: NOW - 10_000 }))).toBeNull();
    expect(judgeFailoverCondition(facts({ lastHeartbeatAt: SILENT }))).toBe('condition-met');
  });

  it('raises the condition during a Full Server test failover, and only once while the outage lasts', () => {
    expect(judgeFailoverCondition(facts({ state: 'test-failed-over', lastHeartbeatAt: SILENT }))).toBe('condition-met');
    expect(judgeFailoverCondition(facts({ state: 'test-failed-over', lastHeartbeatAt: SILENT, isConditionMet: true }))).toBeNull();
  });

  it('clears a met condition when heartbeats are back, in the states that accept it', () => {
    expect(judgeFailoverCondition(facts({ state: 'failover-condition-met', isConditionMet: true }))).toBe('condition-cleared');
    expect(judgeFailoverCondition(facts({ state: 'test-failed-over', isConditionMet: true }))).toBe('condition-cleared');
    expect(judgeFailoverCondition(facts({ type: 'files-and-folders', state: 'failover-condition-met', isConditionMet: true }))).toBe('condition-cleared');
    expect(judgeFailoverCondition(facts({ state: 'failover-condition-met', isConditionMet: true, lastHeartbeatAt: SILENT }))).toBeNull();
  });

  it('raises nothing in a state the table gives no row for the event', () => {
    for (const state of ['failed-over', 'failing-over', 'stopped', 'error', 'test-failing-over'] as JobState[]) {
      expect(judgeFailoverCondition(facts({ state, lastHeartbeatAt: SILENT }))).toBeNull();
      expect(judgeFailoverCondition(facts({ state, isConditionMet: true }))).toBeNull();
    }
    // Files and Folders has no test failover.
    expect(judgeFailoverCondition(facts({ type: 'files-and-folders', state: 'test-failed-over', lastHeartbeatAt: SILENT }))).toBeNull();
  });

  it('does not let a condition met in an earlier outage hold back a new one', () => {
    // Protecting cannot hold a met condition (condition-met leaves it): the mark is from before a failover and Reverse.
    expect(judgeFailoverCondition(facts({ isConditionMet: true, lastHeartbeatAt: SILENT }))).toBe('condition-met');
    expect(judgeFailoverCondition(facts({ isConditionMet: true }))).toBeNull();
  });

  it('raises nothing while monitoring is off', () => {
    const off = { ...MONITORING, isEnabled: false };
    expect(judgeFailoverCondition(facts({ monitoring: off, lastHeartbeatAt: SILENT }))).toBeNull();
    expect(judgeFailoverCondition(facts({ monitoring: off, state: 'failover-condition-met', isConditionMet: true }))).toBeNull();
  });

  it('raises only events the job’s table accepts in its state, for every state of every type', () => {
    for (const type of ['files-and-folders', 'full-server'] as const) {
      const table = TRANSITION_TABLES[type];
      for (const state of new Set(table.map((row) => row.from))) {
        for (const isConditionMet of [false, true]) {
          for (const lastHeartbeatAt of [HEARD, SILENT]) {
            const event = judgeFailoverCondition(facts({ type, state, isConditionMet, lastHeartbeatAt }));
            if (event) expect(table.some((row) => row.from === state && row.on === event)).toBe(true);
          }
        }
      }
    }
  });
});
