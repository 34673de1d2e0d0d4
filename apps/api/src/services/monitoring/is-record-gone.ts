import { errorCode } from '../../lib/error-code.ts';

/** Prisma's error for an update of a row that is not there (P2025): the job or server was deleted meanwhile. */
export const isRecordGone = (error: unknown) => errorCode(error) === 'P2025';
