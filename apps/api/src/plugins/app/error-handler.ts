import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorResponse, FieldIssue } from '@syncsafe/contracts';
import { AppError } from '../../lib/app-error.ts';
import { recordRefusal } from '../../services/audit/record-refusal.ts';

function fieldIssuesOf(error: FastifyError): FieldIssue[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    return { field: path || context, message: v.message ?? 'Invalid value' };
  });
}

/** Maps anything thrown to `{error:{code,message,details}}`; never leaks a stack or a 5xx message. */
function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = fieldIssuesOf(error);
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return new AppError('validation_failed', summary || 'Invalid request', issues);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return new AppError('internal', 'Internal error');
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return new AppError('rate_limited', error.message);
  if (status === 404) return new AppError('not_found', 'Not found');
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large, etc.
    return new AppError('validation_failed', error.message.replace(/^Body /, 'body '), [{ field: 'body', message: error.message }]);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal', 'Internal error');
}

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    // Fastify client errors keep their own status (413, 415…); ours map by code.
    const status = error instanceof AppError || appError.code !== 'validation_failed' ? appError.statusCode : (error.statusCode ?? 400);
    await recordRefusal(request, appError).catch((err: unknown) => request.log.error({ err }, 'could not record refusal'));
    const body: ErrorResponse = {
      error: { code: appError.code, message: appError.message, ...(appError.details !== undefined ? { details: appError.details } : {}) },
    };
    return reply.status(status).send(body);
  });
});
