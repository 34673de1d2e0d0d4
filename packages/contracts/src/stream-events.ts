import { z } from 'zod';
import { ChecklistTickSchema, JobSchema, NotificationSchema, OperationSchema, SnapshotSchema } from './jobs-api.ts';

/** Stream events: every change, in seq order; `data` is the changed resource itself so caches update in place. */
export const StreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job.updated'), data: JobSchema }),
  z.object({ type: z.literal('job.deleted'), data: z.object({ id: z.uuid() }) }),
  z.object({ type: z.literal('operation.updated'), data: OperationSchema }),
  z.object({ type: z.literal('snapshot.updated'), data: SnapshotSchema }),
  z.object({ type: z.literal('snapshot.deleted'), data: z.object({ id: z.uuid(), jobId: z.uuid() }) }),
  z.object({ type: z.literal('notification.updated'), data: NotificationSchema }),
  /** A preparation step ticked (or unticked) in any console: the step's latest tick, as GET /api/jobs/:id/checklist lists it. */
  z.object({ type: z.literal('checklist.updated'), data: ChecklistTickSchema.extend({ jobId: z.uuid() }) }),
  z.object({
    type: z.literal('server.health'),
    data: z.object({ id: z.uuid(), status: z.enum(['unknown', 'online', 'offline']), lastSeenAt: z.iso.datetime().nullable() }),
  }),
]);
export type StreamEventBody = z.infer<typeof StreamEventSchema>;
export type StreamEvent = StreamEventBody & { seq: number; at: string };

/** Messages the server sends on /api/events. */
export const StreamMessageSchema = z.union([
  z.object({ kind: z.literal('event'), seq: z.number().int(), at: z.iso.datetime() }).and(StreamEventSchema),
  /** Replay of everything after `since` is complete; live events follow. */
  z.object({ kind: z.literal('caught-up'), seq: z.number().int() }),
  /** `since` is older than the retained history: reload everything, then resume from `seq`. */
  z.object({ kind: z.literal('resync-required'), seq: z.number().int() }),
]);
export type StreamMessage = z.infer<typeof StreamMessageSchema>;
