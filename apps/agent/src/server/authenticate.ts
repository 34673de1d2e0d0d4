import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LocalAccount } from '../account/local-account.ts';
import type { ChannelRegistry } from '../replication/channel-registry.ts';
import { AgentError } from './agent-error.ts';

function unauthenticated(message: string, reply: FastifyReply, scheme: string): AgentError {
  reply.header('www-authenticate', `${scheme} realm="syncsafe-agent"`);
  return new AgentError('unauthenticated', message);
}

/** The console presents the server's local account with HTTP Basic. */
export function requireLocalAccount(account: LocalAccount) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) throw unauthenticated('credentials required: HTTP Basic with the server local account', reply, 'Basic');
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const isValid = colon > 0 && (await account.check(decoded.slice(0, colon), decoded.slice(colon + 1)));
    if (!isValid) throw unauthenticated('wrong credentials for the server local account', reply, 'Basic');
  };
}

/** Another agent presents the token this agent granted for one channel. */
export function requireChannelToken(channels: ChannelRegistry) {
  return async (request: FastifyRequest<{ Params: { channelId?: string } }>, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const channelId = request.params.channelId ?? '';
    if (!header.startsWith('Bearer ') || !channels.isTokenValid(channelId, header.slice(7))) {
      throw unauthenticated('a valid channel token is required', reply, 'Bearer');
    }
  };
}
