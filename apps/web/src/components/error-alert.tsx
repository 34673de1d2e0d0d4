import { isApiError } from '../lib/api-error.ts';
import { Alert } from './alert.tsx';

/** Says what went wrong in the API's own words; a 403 names the role that is needed. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const heading = title ?? (isApiError(error) && error.status === 403 ? 'Not allowed' : undefined);
  return <Alert tone="error" title={heading}>{message}</Alert>;
}
