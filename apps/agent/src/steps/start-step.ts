import type { AgentStepCommand } from '@syncsafe/contracts';
import { filesFailoverSteps } from './handlers/files-failover-steps.ts';
import { fullServerSteps } from './handlers/full-server-steps.ts';
import { protectionSteps } from './handlers/protection-steps.ts';
import { queueSteps } from './handlers/queue-steps.ts';
import { restoreSteps } from './handlers/restore-steps.ts';
import { snapshotSteps } from './handlers/snapshot-steps.ts';
import { testFailoverSteps } from './handlers/test-failover-steps.ts';
import type { KeyLock } from './key-lock.ts';
import type { StepDeps, StepHandlers } from './step-deps.ts';
import type { StepJournal, StepRun } from './step-journal.ts';

const STEP_HANDLERS = {
  ...protectionSteps,
  ...queueSteps,
  ...snapshotSteps,
  ...filesFailoverSteps,
  ...restoreSteps,
  ...fullServerSteps,
  ...testFailoverSteps,
} satisfies StepHandlers;

/** Starts (or finds) a step: steps of one job run one at a time, machine steps likewise. */
export function startStep(stepId: string, command: AgentStepCommand, deps: StepDeps, journal: StepJournal, lock: KeyLock): StepRun {
  const handler = STEP_HANDLERS[command.command] as (command: AgentStepCommand, deps: StepDeps) => ReturnType<StepHandlers['reboot']>;
  const key = 'jobId' in command ? `job:${command.jobId}` : 'machine';
  return journal.start(stepId, command, () => lock.run(key, () => handler(command, deps)));
}
