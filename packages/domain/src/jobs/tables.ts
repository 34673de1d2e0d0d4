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

const accepting = new Map<string, readonly JobState[]>();

/**
 * The states in which a job type has a row for `on`: where the failover monitor watches for an event.
 * Read from the tables once per (type, trigger): the monitor asks for every job on every tick.
 */
export function statesAccepting(type: JobType, on: JobTrigger): readonly JobState[] {
  const key = `${type} ${on}`;
  let states = accepting.get(key);
  if (!states) {
    states = [...new Set(TRANSITION_TABLES[type].filter((row) => row.on === on).map((row) => row.from))];
    accepting.set(key, states);
  }
  return states;
}
