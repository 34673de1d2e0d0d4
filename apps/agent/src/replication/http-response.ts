import type { z } from 'zod';

export class ChannelRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly details?: unknown,
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

export function parseResponse<T extends z.ZodType>(status: number, body: Buffer, schema: T): z.infer<T> {
  const text = body.toString('utf8');
  if (status < 200 || status >= 300) {
    let message = text;
    let details: unknown;
    try {
      const error = (JSON.parse(text) as { error?: { message?: string; details?: unknown } }).error;
      message = error?.message ?? text;
      details = error?.details;
    } catch {
      // not JSON: keep the text
    }
    throw new ChannelRequestError(`channel answered ${status}: ${message}`, status, details);
  }
  return schema.parse(JSON.parse(text));
}
