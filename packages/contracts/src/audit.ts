import { z } from 'zod';
import { RoleSchema } from './auth.ts';

export const AuditOutcomeSchema = z.enum(['success', 'failure', 'refused']);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

export const AuditTargetTypeSchema = z.enum(['server', 'job', 'user', 'token', 'session', 'system']);
export type AuditTargetType = z.infer<typeof AuditTargetTypeSchema>;

export const AuditEventSchema = z.object({
  seq: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRole: RoleSchema.nullable(),
  sourceIp: z.string().nullable(),
  action: z.string(),
  targetType: AuditTargetTypeSchema.nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  outcome: AuditOutcomeSchema,
  reason: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z
  .object({
    actor: z.string().trim().max(64).optional(),
    /** Action prefix, e.g. "server" or "auth.login". */
    kind: z.string().trim().max(64).optional(),
    outcome: AuditOutcomeSchema.optional(),
    jobId: z.string().max(64).optional(),
    serverId: z.string().max(64).optional(),
    userId: z.string().max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Return records with seq below this (newest first paging). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditListResponseSchema = z.object({
  items: z.array(AuditEventSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});

export const AuditExportQuerySchema = z.object({ format: z.enum(['csv', 'json']) });

export const AuditVerifyResponseSchema = z.object({
  isValid: z.boolean(),
  checked: z.number().int(),
  /** The first record whose hash or link does not match, when the chain is broken. */
  firstBroken: z
    .object({ seq: z.number().int(), problem: z.enum(['hash_mismatch', 'link_mismatch', 'missing_record', 'head_mismatch']) })
    .nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponseSchema>;
