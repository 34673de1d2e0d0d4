import { AgentReplicationOpSchema, type AgentReplicationOp } from '@syncsafe/contracts';
import { AgentError } from '../server/agent-error.ts';
import { FrameDecoder, FrameError } from './frame-codec.ts';

export type OpHandler = (op: AgentReplicationOp, content: Buffer, header: unknown) => void;

/** Parses a frame header into an op, or a 400 naming the bad field. */
export function parseOp(header: unknown): AgentReplicationOp {
  const result = AgentReplicationOpSchema.safeParse(header);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AgentError('validation_failed', `frame.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid op'}`);
}

/** Feeds a request body through the frame decoder, handing each op over in order. */
export async function receiveFrames(body: AsyncIterable<Buffer>, onOp: OpHandler): Promise<void> {
  const decoder = new FrameDecoder();
  try {
    for await (const chunk of body) decoder.push(chunk, (header, content) => onOp(parseOp(header), content, header));
  } catch (error) {
    if (error instanceof FrameError) throw new AgentError('validation_failed', `body: ${error.message}`);
    throw error;
  }
  if (!decoder.isAtBoundary()) throw new AgentError('validation_failed', 'body: the batch ends inside a frame');
}
