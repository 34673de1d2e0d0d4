import type { StepHandlers } from '../step-deps.ts';

/** The target queue: pause or resume apply, apply now, or discard. */
export const queueSteps = {
  'set-apply': async ({ jobId, isPaused }, { jobs }) => {
    const target = jobs.target(jobId);
    target.setApplyPaused(isPaused);
    return { result: target.status().queue };
  },
  'apply-queue': async ({ jobId }, { jobs }) => ({ result: await jobs.target(jobId).applyQueue() }),
  'discard-queue': async ({ jobId }, { jobs }) => ({ result: await jobs.target(jobId).discardQueue() }),
} satisfies Partial<StepHandlers>;
