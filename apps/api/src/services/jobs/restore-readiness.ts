import { AgentRequestError, AgentUnreachableError } from '@syncsafe/agent-client';
import { ServerStatusSchema, type RestoreReadiness } from '@syncsafe/contracts';
import type { PrismaClient } from '@syncsafe/db';
import { roleServer } from '@syncsafe/domain';
import { badField, conflict } from '../../lib/app-error.ts';
import { errorText } from '../../lib/error-text.ts';
import type { AgentDirectory } from '../operations/agent-port.ts';
import { loadJobContext } from './load-job.ts';

/** Why the agent could not answer, in words for the Restore dialog (never the credentials). */
function problemOf(error: unknown, name: string): string {
  if (error instanceof AgentUnreachableError) return `${name} does not answer: bring it onto the network at an address the console can reach.`;
  if (error instanceof AgentRequestError && error.status === 401) return `${name} refused the local account on the Servers page: update its credentials.`;
  if (error instanceof AgentRequestError) return `${name} could not check its open files: ${error.message}`;
  return `${name} could not be asked: ${errorText(error)}`;
}

/**
 * The Restore checklist's live checks, asked of the destination's agent now: whether it answers, and
 * which files under the job's folders are open there (a restore refuses while any is).
 */
export async function restoreReadiness(prisma: PrismaClient, agents: AgentDirectory, jobId: string, serverId: string | undefined): Promise<RestoreReadiness> {
  const { row, facts } = await loadJobContext(prisma, jobId);
  if (facts.type !== 'files-and-folders') throw conflict('Restore is part of Files and Folders jobs: a Full Server job returns by Reverse.', { type: facts.type });
  const destinationId = serverId ?? facts.servers.source.id;
  const target = roleServer(facts, 'target');
  if (destinationId === target.id) throw badField('serverId', `The restore destination cannot be the job’s target (${target.name}).`);
  const server = await prisma.server.findUnique({ where: { id: destinationId }, select: { id: true, name: true, status: true } });
  if (!server) throw badField('serverId', 'No server with this id');
  const destination = { serverId: server.id, name: server.name, status: ServerStatusSchema.parse(server.status) };
  const checkedAt = new Date().toISOString();
  try {
    const agent = await agents(server.id);
    const { openFiles, isTruncated } = await agent.openFiles(row.directories);
    return { jobId, destination, checkedAt, isReachable: true, problem: null, openFiles, isTruncated };
  } catch (error) {
    return { jobId, destination, checkedAt, isReachable: !(error instanceof AgentUnreachableError), problem: problemOf(error, server.name), openFiles: null, isTruncated: false };
  }
}
