import { reversePhaseLabels, type ReverseActionOptions, type UndoFailoverActionOptions } from '@syncsafe/contracts';
import { GUARDS, type GuardName } from './guards.ts';
import { roleServer } from './identities.ts';
import type { JobFacts } from './job-facts.ts';
import { testSnapshot } from './snapshots.ts';
import { basisStateOf } from './state-groups.ts';
import { reverseWarnings } from './warnings.ts';

/** The guards of the Reverse row, shown as preconditions (same predicates, so they cannot disagree). */
const PRECONDITIONS: { id: string; guard: GuardName; text: (f: JobFacts) => string }[] = [
  { id: 'reverse-protection', guard: 'has-reverse-protection', text: () => 'Reverse protection is enabled for the job.' },
  { id: 'not-domain-controller', guard: 'source-not-domain-controller', text: () => 'The source is not a domain controller.' },
  {
    id: 'original-source-online',
    guard: 'original-source-online',
    text: (f) => `The original source machine (${roleServer(f, 'source').name}) is fixed, online and connected to the network.`,
  },
  {
    id: 'production-adapter-up',
    guard: 'production-adapter-up',
    text: (f) => `The production network adapter of ${roleServer(f, 'source').name} is online (not disabled or unplugged).`,
  },
];

export function reverseOptions(facts: JobFacts): ReverseActionOptions {
  // Reverse runs on a failed-over job: the source-role machine is the one being given the target identity.
  const original = roleServer(facts, 'source').name;
  const running = roleServer(facts, 'target').name;
  const targetIdentity = facts.servers.target.name;
  const sourceIdentity = facts.servers.source.name;
  const isBack = facts.isReversed;
  return {
    description: `Give ${original} the target identity and protect the source (running on ${running}) to it.`,
    preconditions: [
      { id: 'failed-over', text: 'The job is failed over.', isMet: basisStateOf(facts) === 'failed-over' },
      ...PRECONDITIONS.map((p) => ({ id: p.id, text: p.text(facts), isMet: GUARDS[p.guard].holds(facts) })),
    ],
    phases: [
      { phase: 'restoring', label: reversePhaseLabels.restoring, description: `The target identity (${targetIdentity}) is established on ${original}.` },
      {
        phase: 'synchronizing',
        label: reversePhaseLabels.synchronizing,
        description: `Protection is established from the source (on ${running}) to the target (on ${original}), and reverse protection in the opposite direction.`,
      },
      { phase: 'rebooting', label: reversePhaseLabels.rebooting, description: `${original} reboots as the target.` },
    ],
    outcome: isBack
      ? `Back to the original identities on the original machines: the source (${sourceIdentity}) keeps running on its original machine, and ${original} has the target identity (${targetIdentity}) again.`
      : `The source keeps running on ${running} with the source name (${sourceIdentity}); ${original} has the target identity (${targetIdentity}). To go back to the original machine, fail over, then Reverse again.`,
    warnings: reverseWarnings(),
  };
}

export function undoFailoverOptions(facts: JobFacts): UndoFailoverActionOptions {
  const snapshot = testSnapshot(facts);
  const outcome = facts.options.keepTestSnapshotOnUndo ? 'kept' : 'deleted';
  return {
    description: `The test failover machine is taken down and protection carries on. The snapshot used for the test is ${outcome}, as the job’s test failover settings say.`,
    testSnapshot: snapshot ? { snapshotId: snapshot.id, takenAt: snapshot.takenAt } : null,
    testSnapshotOutcome: outcome,
  };
}
