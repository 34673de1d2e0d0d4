import type { PrismaClient } from '@syncsafe/db';
import { notFound } from '../../lib/app-error.ts';
import type { SecretBox } from '../secret-box.ts';
import type { AgentDirectory, AgentPort } from './agent-port.ts';

export type AgentClientFactory = (options: { address: string; port: number; username: string; password: string }) => AgentPort;

/**
 * Agents by console server id: the server's address, port and local account (its password decrypted
 * only here, in memory). A client is reused until the server's connection settings change.
 */
export function createAgentDirectory(prisma: PrismaClient, secretBox: SecretBox, createClient: AgentClientFactory): AgentDirectory {
  const cache = new Map<string, { key: string; client: AgentPort }>();
  return async (serverId) => {
    const server = await prisma.server.findUnique({ where: { id: serverId }, select: { id: true, address: true, port: true, username: true, passwordCiphertext: true } });
    if (!server) throw notFound('Server');
    const key = `${server.address}|${server.port}|${server.username}|${server.passwordCiphertext}`;
    const cached = cache.get(serverId);
    if (cached?.key === key) return cached.client;
    const client = createClient({ address: server.address, port: server.port, username: server.username, password: secretBox.open(server.passwordCiphertext, server.id) });
    cache.set(serverId, { key, client });
    return client;
  };
}
