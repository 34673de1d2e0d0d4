import { errorCode } from './error-code.ts';

/**
 * Prisma's codes for a transaction that did nothing and may simply be run again: PostgreSQL aborted it
 * as a deadlock or a serialization failure (P2034), or no connection was free to start it in time on a
 * busy machine (P2028).
 */
const RETRYABLE = new Set(['P2034', 'P2028']);

const isRetryable = (error: unknown) => RETRYABLE.has(errorCode(error) ?? '');

/**
 * Runs a whole transaction again when it was aborted before anything of it was committed, so the retry
 * is safe. Lock order keeps conflicts rare; this keeps a rare one from leaving an operation or a job's
 * progress behind.
 */
export async function retryOnWriteConflict<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}
