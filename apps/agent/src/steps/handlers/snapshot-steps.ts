import type { StepHandlers } from '../step-deps.ts';

export const snapshotSteps = {
  'take-snapshot': async ({ jobId, type }, { jobs }) => ({ result: jobs.target(jobId).takeSnapshot(type, null) }),
  'delete-snapshot': async ({ jobId, snapshotId }, { jobs }) => ({
    result: { snapshotId, isDeleted: jobs.target(jobId).snapshots.delete(snapshotId) },
  }),
  'revert-snapshot': async ({ jobId, snapshotId }, { jobs }) => {
    const target = jobs.target(jobId);
    const { snapshot } = await target.revertToSnapshot(snapshotId);
    return { result: { snapshot, dataState: target.current.dataState } };
  },
} satisfies Partial<StepHandlers>;
