import { ApiError, readApiError } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. `Idempotency-Key` on a job command. */
  headers?: Record<string, string>;
}

/**
 * Same-origin JSON request with the session cookie. Bodies always go as JSON: the API's CSRF
 * defence relies on the Origin header plus a non-simple content type.
 */
export async function apiRequest<T>(method: Method, url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Cannot reach the SyncSafe Console server. Check your connection and try again.');
  }

  if (!response.ok) throw await readApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const apiGet = <T>(url: string, signal?: AbortSignal) => apiRequest<T>('GET', url, { signal });
export const apiPost = <T>(url: string, body?: unknown, headers?: Record<string, string>) => apiRequest<T>('POST', url, { body, headers });
export const apiPatch = <T>(url: string, body: unknown) => apiRequest<T>('PATCH', url, { body });
export const apiDelete = <T = void>(url: string) => apiRequest<T>('DELETE', url);
