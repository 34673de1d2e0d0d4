import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuditExportQuerySchema,
  AuditListResponseSchema,
  AuditQuerySchema,
  AuditVerifyResponseSchema,
  ErrorResponseSchema,
} from '@syncsafe/contracts';
import { exportAudit } from '../../services/audit/export-audit.ts';
import { listAudit, verifyAudit } from '../../services/audit/read-audit.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };
const tags = ['audit'];
const ExportQuerySchema = AuditQuerySchema.safeExtend(AuditExportQuerySchema.shape);

/** The audit trail: read-only for every role; nothing in the app updates or deletes a record. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.db;

  app.get('/api/audit', { schema: { tags, querystring: AuditQuerySchema, response: { 200: AuditListResponseSchema, ...errors } } }, async (request) =>
    listAudit(prisma, request.query),
  );

  app.get(
    '/api/audit/export',
    { schema: { tags, summary: 'Streams the filtered trail, oldest first', querystring: ExportQuerySchema } },
    async (request, reply) => {
      const { format, before: _b, limit: _l, ...filter } = request.query;
      const stamp = new Date().toISOString().replaceAll(':', '-');
      reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="syncsafe-audit-${stamp}.${format}"`);
      return reply.send(exportAudit(prisma, format, filter));
    },
  );

  app.get('/api/audit/verify', { schema: { tags, response: { 200: AuditVerifyResponseSchema, ...errors } } }, async () => verifyAudit(prisma));
};

export default auditRoutes;
