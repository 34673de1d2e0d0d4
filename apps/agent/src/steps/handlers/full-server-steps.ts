import type { AgentQueueOutcome, AgentSnapshot } from '@syncsafe/contracts';
import { AgentError, conflict } from '../../server/agent-error.ts';
import type { TargetJob } from '../../target/target-job.ts';
import type { StepHandlers } from '../step-deps.ts';

/** Apply, discard, or (when the target data is bad) revert to the last good snapshot. */
async function settleQueue(target: TargetJob, queue: 'apply' | 'discard' | 'revert-if-bad'): Promise<AgentQueueOutcome> {
  if (queue === 'discard') return target.discardQueue();
  if (queue === 'revert-if-bad' && target.current.dataState.state === 'bad') {
    const lastGood = target.snapshots.lastGood();
    if (!lastGood) throw conflict('the target data state is bad and there is no good snapshot to revert to');
    const { snapshot, discarded } = await target.revertToSnapshot(lastGood.snapshotId);
    return { action: 'reverted', snapshot, discarded };
  }
  return target.applyQueue();
}

/**
 * Full Server, modelled on this machine without touching the host: shut the source down, stop
 * non-critical services, reboot the target into the source identity (the target identity then no
 * longer exists; without reverse protection its license activation is lost), Reverse's Restoring phase.
 */
export const fullServerSteps = {
  'shut-down': async (_command, { machine }) => ({
    result: { wasRunning: machine.isOn() },
    afterReply: () => machine.setPower('off'),
  }),
  'stop-services': async ({ keepRunning }, { machine }) => ({ result: machine.stopServices(keepRunning) }),
  'failover-full-server': async (command, { jobs, machine, bus }) => {
    const job = jobs.get(command.jobId);
    const target = jobs.target(command.jobId);
    if (job.record.setup.type !== 'full-server') throw conflict(`job ${command.jobId} is a Files and Folders job: use failover-files`);
    if (target.current.failedOverAt !== null) throw conflict(`job ${command.jobId} is already failed over`);
    if (command.mode === 'snapshot' && !command.snapshotId) {
      throw new AgentError('validation_failed', 'body.snapshotId: a snapshot failover needs a snapshot', [
        { field: 'body.snapshotId', message: 'Required for mode snapshot' },
      ]);
    }
    const sourceIdentity = target.current.sourceIdentity;
    if (!sourceIdentity) throw conflict(`the source system state of job ${command.jobId} was never replicated`);
    target.setAccepting(false);
    const queue = await settleQueue(target, command.queue);
    let revertedTo: AgentSnapshot | null = null;
    if (command.mode === 'snapshot') revertedTo = (await target.revertToSnapshot(command.snapshotId!)).snapshot;
    const services = machine.stopServices(command.keepRunning);
    const warnings = services.failed.map((f) => `${f.name}: ${f.reason}`);
    if (!command.hasReverseProtection) warnings.push('Reverse protection is off: the activated target license is lost.');
    warnings.push('Windows License Activation does not follow the server: apply the MAK or KMS configuration after failover.');
    const previousIdentityName = await machine.rebootIntoIdentity(sourceIdentity, command.hasReverseProtection, command.rebootSeconds);
    target.updateState({ failedOverAt: Date.now() });
    bus.publish({ kind: 'identity-changed', fromName: previousIdentityName, toName: sourceIdentity.name });
    return {
      result: {
        queue,
        revertedTo,
        previousIdentityName,
        identityName: sourceIdentity.name,
        isLicenseLost: !command.hasReverseProtection,
        services,
        warnings,
      },
    };
  },
  'restore-identity': async ({ identity, productionAdapter }, { machine, bus }) => {
    const previousIdentityName = machine.restoreIdentity(identity, productionAdapter);
    bus.publish({ kind: 'identity-changed', fromName: previousIdentityName, toName: identity.name });
    return { result: { previousIdentityName, identityName: identity.name } };
  },
  reboot: async ({ rebootSeconds }, { machine }) => {
    const seconds = rebootSeconds ?? machine.snapshot.rebootSeconds;
    return { result: { rebootedAt: await machine.reboot(seconds), rebootSeconds: seconds } };
  },
} satisfies Partial<StepHandlers>;
