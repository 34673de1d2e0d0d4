import { type JobCommand, jobStateLabels } from '@syncsafe/contracts';
import type { JobFacts } from './job-facts.ts';
import { isFailedOver, isProtecting } from './state-groups.ts';

const FULL_SERVER_GOES_BACK_BY_REVERSE =
  'a Full Server job goes back with Reverse, or is reversed manually (delete the job and create a new one)';

/**
 * Why a command has no row in the job's current state, in the product's words: the part after
 * "<Command> is not available while the job is <State>: ". Null falls back to the plain sentence.
 */
function specificReason(facts: JobFacts, command: JobCommand): string | null {
  const { state } = facts;
  const isFullServer = facts.type === 'full-server';
  switch (command) {
    case 'failover':
      if (isFailedOver(state)) return 'the job is already failed over';
      if (state === 'failed-back') return 'the job has failed back: restore (or choose Do Not Restore Data), then Start protection';
      if (state === 'stopped') return 'protection is stopped: Start it first';
      return null;
    case 'undo-failover':
      return isFullServer ? 'there is no test failover to undo' : 'test failover is not available for files and folders jobs';
    case 'restore':
      if (isFullServer) return `Full Server jobs are not restored: ${FULL_SERVER_GOES_BACK_BY_REVERSE}`;
      return 'Restore applies to a failed-over job';
    case 'failback':
      if (isFullServer) return `Full Server jobs are not failed back: ${FULL_SERVER_GOES_BACK_BY_REVERSE}`;
      if (state === 'failed-back') return 'the job has already failed back: Restore next (Restore Data or Do Not Restore Data)';
      return 'the job is not failed over';
    case 'reverse':
      if (!isFullServer) return 'Reverse is for Full Server jobs: a Files and Folders job goes back by Restore and Failback';
      return 'Reverse applies to a failed-over job';
    case 'start':
      if (isProtecting(state)) return 'the job is already protecting';
      if (isFullServer && isFailedOver(state)) return 'Reverse the job (or reverse it manually) first';
      if (isFailedOver(state) || state === 'failed-back') return 'restore and fail back first: Start resumes protection once the job is stopped';
      return null;
    case 'stop':
      if (state === 'stopped') return 'the job is already stopped';
      if (state === 'test-failed-over') return 'undo the test failover first';
      if (isFailedOver(state) || state === 'failed-back') return 'protection is not running';
      return null;
    case 'take-snapshot':
      return 'snapshots are taken while the job is protecting';
    case 'delete':
      if (state === 'test-failed-over') return 'undo the test failover first: deleting the job would leave the test machine running';
      return null;
    case 'edit':
      return null;
  }
}

export function noRowReason(facts: JobFacts, command: JobCommand, label: string): string {
  const specific = specificReason(facts, command);
  const sentence = `${label} is not available while the job is ${jobStateLabels[facts.state]}`;
  return specific ? `${sentence}: ${specific}.` : `${sentence}.`;
}
