import { z } from 'zod';
import { JsonSchema, type Json } from '@syncsafe/contracts';

export class ChannelRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly details?: Json,
  ) {
    super(message);
  }
}

export function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** An agent's error body (its own errors, or the channel's). */
const ErrorBodySchema = z.object({ error: z.object({ message: z.string().optional(), details: JsonSchema.optional() }).optional() });

export function parseResponse<T extends z.ZodType>(status: number, body: Buffer, schema: T): z.infer<T> {
  const text = body.toString('utf8');
  if (status < 200 || status >= 300) {
    let message = text;
    let details: Json | undefined;
    try {
      const error = ErrorBodySchema.safeParse(JSON.parse(text)).data?.error;
      message = error?.message ?? text;
      details = error?.details;
    } catch {
      // not JSON: keep the text
    }
    throw new ChannelRequestError(`channel answered ${status}: ${message}`, status, details);
  }
  return schema.parse(JSON.parse(text));
}
