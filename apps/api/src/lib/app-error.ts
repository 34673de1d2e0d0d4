import type { ErrorCode, FieldIssue, Json } from '@syncsafe/contracts';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

/** The one error type the API throws; the global handler turns it into `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Json | undefined;
  /** Set when the service already wrote the refusal to the audit chain (with more context than the handler has). */
  isAudited = false;
  constructor(code: ErrorCode, message: string, details?: Json) {
    super(message);
    this.code = code;
    this.details = details;
  }
  get statusCode(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string, details?: Json) => new AppError('conflict', message, details);
export const badField = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, [{ field, message }] satisfies FieldIssue[]);
