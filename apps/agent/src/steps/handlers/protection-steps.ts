import { conflict } from '../../server/agent-error.ts';
import type { StepHandlers } from '../step-deps.ts';

/** Start, stop, mirror and flush: the source drives replication; the target only accepts it or not. */
export const protectionSteps = {
  'start-protection': async ({ jobId }, { jobs }) => {
    const job = jobs.get(jobId);
    if (job.target) {
      if (job.target.current.failedOverAt !== null) throw conflict(`job ${jobId} is failed over: fail back before starting protection`);
      job.target.setAccepting(true);
      return { result: { protection: 'replicating' } };
    }
    return { result: { protection: await jobs.source(jobId).startProtection() } };
  },
  'stop-protection': async ({ jobId }, { jobs }) => {
    const job = jobs.get(jobId);
    if (job.target) {
      job.target.setAccepting(false);
      return { result: { protection: 'stopped' } };
    }
    return { result: { protection: await jobs.source(jobId).stopProtection() } };
  },
  mirror: async ({ jobId, mode }, { jobs }) => ({ result: await jobs.source(jobId).requestMirror(mode) }),
  'flush-changes': async ({ jobId }, { jobs }) => ({ result: await jobs.source(jobId).flushChanges() }),
} satisfies Partial<StepHandlers>;
