import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppError } from '../../lib/app-error.ts';
import { actorOf } from '../../lib/actor.ts';
import { appendAudit } from './append-audit.ts';

/** The refused route's target, when it names one (`/api/jobs/:id/…`). */
const TargetParamsSchema = z.object({ id: z.string() });

const REFUSALS = new Set(['validation_failed', 'forbidden', 'csrf_rejected', 'conflict', 'not_found']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A refused state-changing command by a signed-in caller goes to the audit chain, with the reason. */
export async function recordRefusal(request: FastifyRequest, error: AppError) {
  if (!request.principal || error.isAudited || SAFE_METHODS.has(request.method) || !REFUSALS.has(error.code)) return;
  const action = request.routeOptions.config.audit ?? `${request.method} ${request.routeOptions.url ?? request.url}`;
  const targetId = TargetParamsSchema.safeParse(request.params).data?.id ?? null;
  const [type] = action.split('.');
  const targetType = type === 'server' || type === 'job' || type === 'user' || type === 'token' ? type : null;
  await request.server.db.prisma.$transaction((tx) =>
    appendAudit(tx, actorOf(request), {
      action,
      ...(targetType ? { target: { type: targetType, id: targetId } } : {}),
      outcome: 'refused',
      reason: `${error.code}: ${error.message}`.slice(0, 1000),
    }),
  );
}
