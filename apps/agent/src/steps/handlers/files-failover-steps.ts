import { conflict } from '../../server/agent-error.ts';
import type { StepHandlers } from '../step-deps.ts';

/**
 * Files and Folders failover on the target: stop taking replication, apply or discard the target
 * queue, stand in for the source (its name and addresses) and create the shares. Failback undoes
 * the stand-in; shares created here are not created on the source by a restore.
 */
export const filesFailoverSteps = {
  'failover-files': async ({ jobId, queue, shares }, { jobs, machine }) => {
    const job = jobs.get(jobId);
    const target = jobs.target(jobId);
    if (job.record.setup.type !== 'files-and-folders') throw conflict(`job ${jobId} is a Full Server job: use failover-full-server`);
    if (target.current.failedOverAt !== null) throw conflict(`job ${jobId} is already failed over`);
    const source = target.current.sourceIdentity;
    if (!source) throw conflict(`the source identity of job ${jobId} was never replicated: nothing to stand in for`);
    target.setAccepting(false);
    const outcome = queue === 'apply' ? await target.applyQueue() : await target.discardQueue();
    const standIn = { name: source.name, addresses: source.addresses };
    machine.addStandIn(jobId, standIn);
    target.updateState({ standIn, shares, failedOverAt: Date.now() });
    return { result: { queue: outcome, standIn, shares, dataState: target.current.dataState } };
  },
  failback: async ({ jobId }, { jobs, machine }) => {
    const target = jobs.target(jobId);
    if (target.current.failedOverAt === null) throw conflict(`job ${jobId} is not failed over`);
    const removedShares = target.current.shares;
    const removedAddresses = machine.removeStandIn(jobId);
    target.updateState({ standIn: null, shares: [], failedOverAt: null, isAccepting: false });
    return { result: { removedAddresses, removedShares } };
  },
} satisfies Partial<StepHandlers>;
