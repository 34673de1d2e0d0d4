import type { JobFacts } from './job-facts.ts';
import { roleServer } from './identities.ts';

export interface Guard {
  /** When the guard holds, in the product's words (rendered in the README's tables). */
  description: string;
  holds: (facts: JobFacts) => boolean;
  /** Why the move is refused when the guard does not hold. */
  reason: (facts: JobFacts) => string;
}

const basisOfActive = (facts: JobFacts) => facts.activeOperation?.basisState ?? null;

/** Every guard a table row may name. Rows stay data; the predicates live here, one line each. */
export const GUARDS = {
  'waits-for-user': {
    description: 'the job waits for the user before failover',
    holds: (f) => f.options.waitForUser,
    reason: () => 'The job fails over automatically when the failover condition is met',
  },
  'fails-over-automatically': {
    description: 'the job does not wait for the user',
    holds: (f) => !f.options.waitForUser,
    reason: () => 'The job waits for the user before failover',
  },
  'has-test-machine': {
    description: 'a test failover machine is configured',
    holds: (f) => f.servers.test !== null,
    reason: () => 'No test failover machine is configured for this job: edit its test failover settings first',
  },
  'has-snapshots': {
    description: 'the target has snapshots',
    holds: (f) => f.snapshots.length > 0,
    reason: () => 'This option is not available because there are no snapshots on the target',
  },
  'has-reverse-protection': {
    description: 'reverse protection is enabled',
    holds: (f) => f.options.hasReverseProtection,
    reason: () =>
      'Reverse protection was not enabled for this job: reverse it manually (keep running on the failed-over server, or delete the job and create a new one)',
  },
  'source-not-domain-controller': {
    description: 'the source is not a domain controller',
    holds: (f) => !f.source.isDomainController,
    reason: () => 'The source is a domain controller: reverse the job manually (reinstall Windows on a new server, then delete the job and create a new one)',
  },
  'original-source-online': {
    description: 'the original source machine is online',
    holds: (f) => f.isOriginalSourceOnline,
    reason: (f) => `The original source machine (${roleServer(f, 'source').name}) must be online and connected to the network for Reverse`,
  },
  'production-adapter-up': {
    description: "the original source machine's production adapter is up",
    holds: (f) => f.isProductionAdapterUp,
    reason: (f) =>
      `The production network adapter of ${roleServer(f, 'source').name} is disabled or unplugged: bring it online before Reverse`,
  },
  'edited-after-restore-to-new-source': {
    description: 'the job was edited after a restore to a new source',
    holds: (f) => f.lastRestoreServerId === null || f.lastRestoreServerId === f.servers.source.id,
    reason: () => 'The data was restored to a new source: edit the job to use that server and reconfigure its failover settings, then Start',
  },
  'failed-during-test': {
    description: 'the failed operation was a test failover or its undo',
    holds: (f) => f.failedOperation?.kind === 'test-failover' || f.failedOperation?.kind === 'undo-failover',
    reason: () => 'There is no test failover to undo',
  },
  'started-after-failback': {
    description: 'the job had already failed back',
    holds: (f) => basisOfActive(f) === 'failed-back',
    reason: () => 'The job had not failed back',
  },
  'started-before-failback': {
    description: 'the job had not failed back yet',
    holds: (f) => basisOfActive(f) !== 'failed-back',
    reason: () => 'The job had already failed back',
  },
  'started-after-restore': {
    description: 'the data had been restored',
    holds: (f) => basisOfActive(f) === 'restored',
    reason: () => 'The data had not been restored',
  },
  'started-before-restore': {
    description: 'the data had not been restored yet',
    holds: (f) => basisOfActive(f) !== 'restored',
    reason: () => 'The data had already been restored',
  },
} as const satisfies Record<string, Guard>;

export type GuardName = keyof typeof GUARDS;

/** The first guard of the list that does not hold, or null. */
export function firstFailingGuard(facts: JobFacts, names: readonly GuardName[] | undefined): GuardName | null {
  for (const name of names ?? []) if (!GUARDS[name].holds(facts)) return name;
  return null;
}
