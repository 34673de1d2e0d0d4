import type { ManualReversalGuide } from '@syncsafe/contracts';
import { checkCommand } from './command-check.ts';
import { roleServer } from './identities.ts';
import type { JobFacts } from './job-facts.ts';
import { basisStateOf } from './state-groups.ts';

const step = (id: string, text: string) => ({ id, text });

const DELETE_AND_RECREATE =
  'Locate the original job on the Jobs page and delete it, then create a new Full Server job that protects the source to the new target. A new job cannot be created while the old one exists: it is linked to the machine the source failed over to.';

const NEW_SERVER_STEPS = [
  step('new-install-windows', 'Install or reinstall Windows on the server using unique, temporary server information.'),
  step('new-install-syncsafe', 'Install SyncSafe Replicate using the license key from your original target.'),
  step('new-delete-and-create', DELETE_AND_RECREATE),
];

const REUSE_STEPS = [
  step('reuse-disconnect', 'Disconnect the original source machine from the network; make sure it is completely disconnected before you go on.'),
  step('reuse-remove-target-identity', 'Remove the target server’s original identity from Active Directory (not the source identity, which the original target machine now holds).'),
  step('reuse-login-local', 'Keeping it disconnected, reboot the original source machine and log in as the local administrator.'),
  step('reuse-stop-services', 'Stop all application services on it and set them to manual.'),
  step('reuse-new-address', 'If you failed over the source IP address, assign new unique IP addresses.'),
  step('reuse-workgroup', 'Place the server into a workgroup (remove it from the domain); reboot when prompted, still disconnected.'),
  step('reuse-login-again', 'After the reboot, log in as the local administrator.'),
  step('reuse-readd-server', 'On the Servers page, update the original source server (edit its address, or remove it and add it back).'),
  step(
    'reuse-license',
    'In Edit Server Properties → Licensing, add the license key from the original target server and remove the original source server’s key if it is listed.',
  ),
  step('reuse-sysprep', 'Run Sysprep to change the SIDs and the server name (you may use the original target’s name); if it does not apply a new name, change the computer name by hand.'),
  step('reuse-connect-and-recreate', `Connect the server to the network. ${DELETE_AND_RECREATE}`),
];

/** Why the original machine cannot be reused (the spec: these roles need Windows reinstalled). */
function reuseRefusal(facts: JobFacts): string | null {
  if (facts.source.isDomainController) return 'The original source was a domain controller: Windows must be reinstalled (the utility that reuses a server cannot be used on it).';
  if (facts.source.isClustered) return 'The original source was a Cluster Service server: Windows must be reinstalled (the utility that reuses a server cannot be used on it).';
  if (facts.source.hasNameSpecificApp) return 'The original source ran a name-specific application such as Exchange: reinstall Windows.';
  return null;
}

/**
 * Reversing Full Server Jobs - Manual Job Reversal: shown for a failed-over Full Server job; required
 * when Reverse cannot run (no reverse protection, a domain controller, or a source that must be rebuilt).
 */
export function manualReversalGuide(facts: JobFacts): ManualReversalGuide | null {
  if (facts.type !== 'full-server' || basisStateOf(facts) !== 'failed-over') return null;
  const reverse = checkCommand(facts, 'reverse');
  const running = roleServer(facts, 'target').name;
  const reasons: string[] = [];
  if (!facts.options.hasReverseProtection) reasons.push('Reverse protection was not enabled for this job.');
  if (facts.source.isDomainController) reasons.push('The source is a domain controller.');
  const reuse = reuseRefusal(facts);
  return {
    isRequired: reasons.length > 0,
    reasons,
    description:
      'Without Reverse you have two options: keep running on the failed-over server and protect it to a new target, or go back to the original machine by hand, which can be difficult. Keep the original source machine disconnected from the network while you prepare it to be a target.' +
      (reverse.allowed ? ' Reverse is available for this job; reverse manually only if the source has to be rebuilt.' : ''),
    paths: [
      {
        id: 'keep-running',
        title: 'Keep running on the failed-over server',
        description: `The source runs on ${running} indefinitely; protect it to a new target.`,
        allowed: true,
        reason: null,
        steps: [step('keep-delete-and-create', DELETE_AND_RECREATE)],
      },
      {
        id: 'new-server',
        title: 'Prepare a new server by reinstalling Windows',
        description: 'Build a clean server to become the new target.',
        allowed: true,
        reason: null,
        steps: NEW_SERVER_STEPS,
      },
      {
        id: 'reuse-original',
        title: 'Reuse the original source machine',
        description:
          'Reusing a healthy original machine can shorten the restore, since its original data can be reused. Not for a domain controller, a Cluster Service server or a Certificate Service server, nor one that ran a name-specific application such as Exchange: reinstall Windows on those.',
        allowed: reuse === null,
        reason: reuse,
        steps: REUSE_STEPS,
      },
    ],
  };
}
