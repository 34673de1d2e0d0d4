import { AgentReplicationOpSchema, type AgentReplicationOp } from '@syncsafe/contracts';
import type { z } from 'zod';
import { AgentError } from '../server/agent-error.ts';
import { FrameDecoder, FrameError } from './frame-codec.ts';

export type OpHandler = (op: AgentReplicationOp, content: Buffer, header: unknown) => void;

/** One schema per op kind: parsing with the kind's own schema skips the union's work per frame. */
const SCHEMA_BY_KIND = new Map<string, z.ZodType<AgentReplicationOp>>(
  AgentReplicationOpSchema.options.map((schema) => [schema.shape.kind.value, schema as z.ZodType<AgentReplicationOp>]),
);

/** Parses a frame header into an op, or a 400 naming the bad field. */
export function parseOp(header: unknown): AgentReplicationOp {
  const kind = (header as { kind?: unknown } | null)?.kind;
  const result = (typeof kind === 'string' && SCHEMA_BY_KIND.get(kind)) || AgentReplicationOpSchema;
  return parseWith(result, header);
}

function parseWith(schema: z.ZodType<AgentReplicationOp>, header: unknown): AgentReplicationOp {
  const result = schema.safeParse(header);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AgentError('validation_failed', `frame.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid op'}`);
}

/**
 * Feeds a request body through the frame decoder, handing each op over in order. Ops are handled
 * synchronously inside each 'data' event, so the stream waits while they are applied.
 */
export function receiveFrames(body: NodeJS.ReadableStream, onOp: OpHandler): Promise<void> {
  const decoder = new FrameDecoder();
  return new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      body.removeAllListeners('data');
      body.pause();
      reject(error instanceof FrameError ? new AgentError('validation_failed', `body: ${error.message}`) : error);
    };
    body.on('data', (chunk: Buffer) => {
      try {
        decoder.push(chunk, (header, content) => onOp(parseOp(header), content, header));
      } catch (error) {
        fail(error);
      }
    });
    body.once('error', fail);
    let hasEnded = false;
    body.once('end', () => {
      hasEnded = true;
      if (decoder.isAtBoundary()) resolve();
      else reject(new AgentError('validation_failed', 'body: the batch ends inside a frame'));
    });
    body.once('close', () => {
      if (!hasEnded) fail(new Error('the sender went away in the middle of the batch'));
    });
  });
}
