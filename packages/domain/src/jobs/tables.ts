import type { JobState, JobType } from '@syncsafe/contracts';
import { FILES_AND_FOLDERS_TABLE } from './files-and-folders-table.ts';
import { FULL_SERVER_TABLE } from './full-server-table.ts';
import type { JobTrigger } from './job-input.ts';
import type { TransitionRow, TransitionTable } from './transition-row.ts';

export const TRANSITION_TABLES: Record<JobType, TransitionTable> = {
  'files-and-folders': FILES_AND_FOLDERS_TABLE,
  'full-server': FULL_SERVER_TABLE,
};

/** The rows of a job type's table leaving `from` on `on`, in table order. */
export function rowsFrom(type: JobType, from: JobState, on: JobTrigger): TransitionRow[] {
  return TRANSITION_TABLES[type].filter((row) => row.from === from && row.on === on);
}

/** The states in which a job type has a row for `on`: where the failover monitor watches for an event. */
export function statesAccepting(type: JobType, on: JobTrigger): JobState[] {
  return [...new Set(TRANSITION_TABLES[type].filter((row) => row.on === on).map((row) => row.from))];
}
