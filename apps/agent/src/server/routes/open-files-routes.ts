import type { FastifyInstance } from 'fastify';
import { AGENT_OPEN_FILES_LIMIT, AgentOpenFilesRequestSchema, type AgentOpenFilesResponse } from '@syncsafe/contracts';
import { findOpenFiles } from '../../restore/open-files.ts';
import { parseInput } from '../agent-error.ts';

/**
 * Read-only: the files under the given folders that a process on this machine has open. The console
 * asks a restore destination before the operator clicks Restore (the restore itself refuses the same).
 * It reads /proc only; nothing under the folders is opened, created or changed.
 */
export async function openFilesRoutes(app: FastifyInstance): Promise<void> {
  app.post('/v1/open-files', async (request): Promise<AgentOpenFilesResponse> => {
    const { directories } = parseInput(AgentOpenFilesRequestSchema, request.body, 'body');
    const open = findOpenFiles(directories);
    return { openFiles: open.slice(0, AGENT_OPEN_FILES_LIMIT), isTruncated: open.length > AGENT_OPEN_FILES_LIMIT };
  });
}
