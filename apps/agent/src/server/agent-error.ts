import type { z } from 'zod';
import type { Json } from '@syncsafe/contracts';

export type AgentErrorCode = 'validation_failed' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'internal';

const STATUS_BY_CODE: Record<AgentErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** The one error type of the agent; the server maps its code to an HTTP status and `{error: {...}}`. */
export class AgentError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
    readonly details?: Json,
  ) {
    super(message);
  }

  get statusCode(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function conflict(message: string, details?: Json): AgentError {
  return new AgentError('conflict', message, details);
}

export function notFound(message: string): AgentError {
  return new AgentError('not_found', message);
}

/** Validates input, or throws a 400 that names each bad field (`body.directories.0`). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  throw new AgentError('validation_failed', first ? `${first.field}: ${first.message}` : `${where} is invalid`, issues);
}
