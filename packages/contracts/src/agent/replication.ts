import { z } from 'zod';
import { AgentTimestampSchema } from './common.ts';
import { AgentNetworkAdapterSchema, AgentServerIdentitySchema } from './identity.ts';
import { AgentMirrorModeSchema, AgentPathRefusalSchema } from './jobs.ts';

/**
 * Agent-to-agent replication. A sending agent pushes framed ops to a receiving agent's channel:
 * `POST /v1/channels/:channelId/batches` (`application/octet-stream`, `Authorization: Bearer <token>`).
 * Each frame is `u32 (big endian) header length`, the header as UTF-8 JSON (one `AgentReplicationOp`),
 * then `size` content bytes for `write-file` and `write-chunk`.
 */

/** A path relative to the channel's root, `/`-separated. The receiver trusts none of it. */
export const AgentReplicaPathSchema = z.string().min(1).max(4096);

/** Largest content carried by one frame. */
export const AGENT_MAX_FRAME_CONTENT_BYTES = 16 * 1024 * 1024;

const ModeSchema = z.number().int().min(0).max(0o7777);
const SizeSchema = z.number().int().min(0).max(AGENT_MAX_FRAME_CONTENT_BYTES);
const FileSizeSchema = z.number().int().nonnegative();
const MtimeSchema = z.number().nonnegative();
const opFields = { seq: z.number().int().positive(), capturedAt: AgentTimestampSchema };

export const AgentReplicationOpSchema = z.discriminatedUnion('kind', [
  z.object({ ...opFields, kind: z.literal('mkdir'), path: AgentReplicaPathSchema, mode: ModeSchema, mtimeMs: MtimeSchema }),
  z.object({
    ...opFields,
    kind: z.literal('write-file'),
    path: AgentReplicaPathSchema,
    mode: ModeSchema,
    mtimeMs: MtimeSchema,
    size: SizeSchema,
  }),
  /** A piece of a large file, written to a partial file that survives restarts (mirrors resume from it). */
  z.object({
    ...opFields,
    kind: z.literal('write-chunk'),
    path: AgentReplicaPathSchema,
    offset: FileSizeSchema,
    size: SizeSchema,
    fileSize: FileSizeSchema,
    fileMtimeMs: MtimeSchema,
  }),
  z.object({
    ...opFields,
    kind: z.literal('commit-file'),
    path: AgentReplicaPathSchema,
    mode: ModeSchema,
    mtimeMs: MtimeSchema,
    fileSize: FileSizeSchema,
  }),
  z.object({ ...opFields, kind: z.literal('delete'), path: AgentReplicaPathSchema }),
  z.object({ ...opFields, kind: z.literal('rename'), fromPath: AgentReplicaPathSchema, path: AgentReplicaPathSchema }),
  z.object({ ...opFields, kind: z.literal('set-attributes'), path: AgentReplicaPathSchema, mode: ModeSchema, mtimeMs: MtimeSchema }),
  z.object({ ...opFields, kind: z.literal('symlink'), path: AgentReplicaPathSchema, linkTarget: z.string().min(1).max(4096) }),
  z.object({ ...opFields, kind: z.literal('mirror-started'), mirrorId: z.string(), mode: AgentMirrorModeSchema }),
  z.object({ ...opFields, kind: z.literal('mirror-completed'), mirrorId: z.string() }),
  /** The source's system state (identity, services, adapters), replicated for Full Server failover. */
  z.object({
    ...opFields,
    kind: z.literal('system-state'),
    identity: AgentServerIdentitySchema,
    adapters: z.array(AgentNetworkAdapterSchema),
  }),
]);
export type AgentReplicationOp = z.infer<typeof AgentReplicationOpSchema>;
export type AgentReplicationOpKind = AgentReplicationOp['kind'];

export const AgentEntryTypeSchema = z.enum(['file', 'dir', 'symlink']);
export type AgentEntryType = z.infer<typeof AgentEntryTypeSchema>;

export const AgentManifestEntrySchema = z.object({
  path: z.string(),
  type: AgentEntryTypeSchema,
  mode: z.number().int(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  linkTarget: z.string().nullable(),
  /** sha256 hex of the content, when hashes were asked for. */
  hash: z.string().nullable(),
});
export type AgentManifestEntry = z.infer<typeof AgentManifestEntrySchema>;

/** A large file whose transfer stopped part way: a mirror resumes at `bytes`. */
export const AgentPartialFileSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  fileSize: z.number().int().nonnegative(),
  fileMtimeMs: z.number(),
});
export type AgentPartialFile = z.infer<typeof AgentPartialFileSchema>;

export const AgentManifestRequestSchema = z.object({ withHashes: z.boolean().default(false) });
export type AgentManifestRequest = z.infer<typeof AgentManifestRequestSchema>;

export const AgentManifestResponseSchema = z.object({
  entries: z.array(AgentManifestEntrySchema),
  partials: z.array(AgentPartialFileSchema),
  receivedThroughSeq: z.number().int().nonnegative(),
  epoch: z.number().int().nonnegative(),
});
export type AgentManifestResponse = z.infer<typeof AgentManifestResponseSchema>;

export const AgentChannelKindSchema = z.enum(['replication', 'restore', 'test-failover']);
export type AgentChannelKind = z.infer<typeof AgentChannelKindSchema>;

export const AgentChannelStateSchema = z.object({
  channelId: z.string(),
  kind: AgentChannelKindSchema,
  jobId: z.string(),
  isAccepting: z.boolean(),
  receivedThroughSeq: z.number().int().nonnegative(),
  appliedThroughSeq: z.number().int().nonnegative(),
  /**
   * Bumped whenever the receiver changes the replica behind the sender's back (discard, revert):
   * a sender that sees a new epoch re-mirrors the differences.
   */
  epoch: z.number().int().nonnegative(),
});
export type AgentChannelState = z.infer<typeof AgentChannelStateSchema>;

export const AgentBatchResultSchema = z.object({
  epoch: z.number().int().nonnegative(),
  receivedThroughSeq: z.number().int().nonnegative(),
  appliedThroughSeq: z.number().int().nonnegative(),
  refusals: z.array(AgentPathRefusalSchema),
});
export type AgentBatchResult = z.infer<typeof AgentBatchResultSchema>;
