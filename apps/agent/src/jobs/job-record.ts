import { z } from 'zod';
import { AgentAdapterMappingSchema, AgentJobSetupRequestSchema } from '@syncsafe/contracts';

/** The test failover machine's side of a Full Server job (made by `prepare-test-failover`). */
export const TestSetupSchema = z.object({
  role: z.literal('test'),
  type: z.literal('full-server'),
  directories: z.array(z.string()),
  adapterMapping: AgentAdapterMappingSchema,
  replicaPath: z.string(),
  channelId: z.string(),
  phase: z.enum(['receiving', 'online', 'undone']),
});
export type TestSetup = z.infer<typeof TestSetupSchema>;

/** `jobs/<jobId>/job.json`. */
export const JobRecordSchema = z.object({
  jobId: z.string(),
  createdAt: z.number(),
  setup: z.union([AgentJobSetupRequestSchema, TestSetupSchema]),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;
