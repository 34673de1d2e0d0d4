import type { ErrorCode, FieldIssue } from '@syncsafe/contracts';

/** Any non-2xx answer from the API, parsed from its one error shape `{error:{code,message,details}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network_error' | 'unexpected_response';
  readonly details: unknown;
  /** For `validation_failed`: one message per field path, e.g. `port` or `networkAdapters.1`. */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, code: ApiError['code'], message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fieldErrors = toFieldErrors(details, message);
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.message === 'string';
}

/** `body.networkAdapters[1]`, `/networkAdapters/1` and `networkAdapters.1` all name the same input. */
export function normalizeFieldPath(field: string): string {
  return field
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^(body|query|params)\./, '');
}

function toFieldErrors(details: unknown, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  // A conflict may name the one field it is about, e.g. a 409 `{field: 'address'}` for a taken address:port.
  const single = (details as { field?: unknown } | null)?.field;
  if (!Array.isArray(details)) {
    if (typeof single === 'string') errors[normalizeFieldPath(single)] = message;
    return errors;
  }
  for (const issue of details) {
    // Keep the first message per field: it is the one the user should fix first.
    if (!isFieldIssue(issue)) continue;
    const field = normalizeFieldPath(issue.field);
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** Builds an ApiError from a failed Response, tolerating bodies that are not our error shape. */
export async function readApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall through to a generic message.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code as ErrorCode, error.message, error.details);
  }
  return new ApiError(response.status, 'unexpected_response', `The server answered ${response.status} ${response.statusText}`.trim());
}
