import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AgentManifestRequestSchema } from '@syncsafe/contracts';
import { z } from 'zod';
import type { ChannelRegistry } from '../../replication/channel-registry.ts';
import { notFound, parseInput } from '../agent-error.ts';
import { requireChannelToken } from '../authenticate.ts';

const ChannelParamsSchema = z.object({ channelId: z.string().min(1).max(128) });

/** Agent-to-agent: a sending agent reads the channel state and manifest, and pushes framed batches. */
export async function channelRoutes(app: FastifyInstance, channels: ChannelRegistry): Promise<void> {
  app.addHook('onRequest', requireChannelToken(channels));
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  const channelOf = (params: unknown) => {
    const { channelId } = parseInput(ChannelParamsSchema, params, 'params');
    const channel = channels.get(channelId);
    if (!channel) throw notFound(`channel ${channelId} is not open on this agent`);
    return channel;
  };

  app.get('/v1/channels/:channelId', async (request) => channelOf(request.params).describe());

  // Manifests are large and repetitive (one entry per file): gzip shrinks them several times over.
  app.post('/v1/channels/:channelId/manifest', async (request, reply) => {
    const { withHashes } = parseInput(AgentManifestRequestSchema, request.body ?? {}, 'body');
    const manifest = channelOf(request.params).manifest(withHashes);
    return reply.header('content-encoding', 'gzip').type('application/json').send(gzipSync(JSON.stringify(manifest), { level: 1 }));
  });

  app.post('/v1/channels/:channelId/batches', async (request) => {
    const channel = channelOf(request.params);
    return channel.receive(request.body as NodeJS.ReadableStream);
  });
}
