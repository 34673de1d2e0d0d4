import { z } from 'zod';
import { AgentProtectedDirectoriesSchema } from './jobs.ts';

/** At most this many paths are listed; `isTruncated` says there were more. */
export const AGENT_OPEN_FILES_LIMIT = 200;

/**
 * A read-only check on a restore destination: which files under the job's folders some process on the
 * machine has open. The spec: files must be closed so that the restored files can overwrite them.
 */
export const AgentOpenFilesRequestSchema = z.object({ directories: AgentProtectedDirectoriesSchema });
export type AgentOpenFilesRequest = z.infer<typeof AgentOpenFilesRequestSchema>;

export const AgentOpenFilesResponseSchema = z.object({
  openFiles: z.array(z.string()).max(AGENT_OPEN_FILES_LIMIT),
  isTruncated: z.boolean(),
});
export type AgentOpenFilesResponse = z.infer<typeof AgentOpenFilesResponseSchema>;
