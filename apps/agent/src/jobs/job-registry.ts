import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { AgentJobSetupRequest, AgentJobSetupResponse, AgentJobStatus, AgentSourceJobSetup } from '@syncsafe/contracts';
import type { EventBus } from '../events/event-bus.ts';
import type { MachineModel } from '../machine/machine-model.ts';
import type { ChannelRegistry } from '../replication/channel-registry.ts';
import { DirectChannel, DirectChannelRecordSchema, type DirectChannelRecord } from '../replication/direct-channel.ts';
import { conflict, notFound } from '../server/agent-error.ts';
import { SourceJob } from '../source/source-job.ts';
import type { DataDir } from '../storage/data-dir.ts';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';
import { TargetJob } from '../target/target-job.ts';
import { JobRecordSchema, type JobRecord, type TestSetup } from './job-record.ts';

/** Two setups of a source that differ at most in where the target is reached (its address and port). */
function isTargetMoveOnly(current: JobRecord['setup'], next: AgentJobSetupRequest): next is AgentSourceJobSetup {
  if (current.role !== 'source' || next.role !== 'source') return false;
  const moved = { ...current, target: { ...current.target, address: next.target.address, port: next.target.port } };
  return isDeepStrictEqual(moved, next);
}

export interface RegisteredJob {
  record: JobRecord;
  source: SourceJob | null;
  target: TargetJob | null;
}

export interface JobRegistryContext {
  dataDir: DataDir;
  bus: EventBus;
  machine: MachineModel;
  channels: ChannelRegistry;
}

/** The jobs this agent takes part in (as source, target or test machine), and the direct channels it opened. */
export class JobRegistry {
  private readonly jobs = new Map<string, RegisteredJob>();

  constructor(private readonly context: JobRegistryContext) {}

  /** Loads jobs and channels from the data directory and resumes protection that was on. */
  async load(): Promise<void> {
    for (const name of readdirSync(this.context.dataDir.channelsDir())) {
      const record = readJsonFile(join(this.context.dataDir.channelsDir(), name), DirectChannelRecordSchema);
      if (record) this.context.channels.register(new DirectChannel(record, this.context.bus));
    }
    for (const jobId of readdirSync(this.context.dataDir.jobsDir())) {
      const record = readJsonFile(join(this.context.dataDir.jobDir(jobId), 'job.json'), JobRecordSchema);
      if (record) this.activate(record);
    }
    await Promise.all([...this.jobs.values()].map((job) => job.source?.resume()));
  }

  list(): AgentJobStatus[] {
    return [...this.jobs.values()].map((job) => this.statusOf(job));
  }

  status(jobId: string): AgentJobStatus {
    return this.statusOf(this.get(jobId));
  }

  get(jobId: string): RegisteredJob {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound(`job ${jobId} does not exist on this agent`);
    return job;
  }

  find(jobId: string): RegisteredJob | undefined {
    return this.jobs.get(jobId);
  }

  source(jobId: string): SourceJob {
    const source = this.get(jobId).source;
    if (!source) throw conflict(`this agent is not the source of job ${jobId}`);
    return source;
  }

  target(jobId: string): TargetJob {
    const target = this.get(jobId).target;
    if (!target) throw conflict(`this agent is not the target of job ${jobId}`);
    return target;
  }

  /**
   * Creates or updates a job; repeating the same setup changes nothing and answers the same. While a
   * source protects, only its target's address and port may change (the source reconnects there).
   */
  async setUp(jobId: string, setup: AgentJobSetupRequest): Promise<AgentJobSetupResponse> {
    const existing = this.jobs.get(jobId);
    if (existing && !isDeepStrictEqual(existing.record.setup, setup)) {
      if (existing.record.setup.role !== setup.role) {
        throw conflict(`job ${jobId} exists here as ${existing.record.setup.role}; delete it before setting it up as ${setup.role}`);
      }
      if (existing.source?.isProtecting) {
        if (!isTargetMoveOnly(existing.record.setup, setup)) throw conflict(`job ${jobId} is protecting: stop protection before changing it`);
        // The target's server was given a new address or port: protection goes on, towards it.
        existing.record = this.save({ ...existing.record, setup });
        existing.source.moveTarget(setup.target);
        return { job: this.statusOf(existing), channel: this.grantFor(existing) };
      }
      await this.unload(existing);
    }
    const job =
      existing && isDeepStrictEqual(existing.record.setup, setup)
        ? existing
        : this.activate(this.save({ jobId, createdAt: existing?.record.createdAt ?? Date.now(), setup }));
    return { job: this.statusOf(job), channel: this.grantFor(job) };
  }

  async delete(jobId: string): Promise<void> {
    const job = this.get(jobId);
    await this.unload(job);
    rmSync(this.context.dataDir.jobDir(jobId), { recursive: true, force: true });
  }

  createTestJob(jobId: string, setup: Omit<TestSetup, 'role' | 'type' | 'channelId' | 'phase'>, channel: DirectChannelRecord): RegisteredJob {
    const record = this.save({ jobId, createdAt: Date.now(), setup: { ...setup, role: 'test', type: 'full-server', channelId: channel.channelId, phase: 'receiving' } });
    this.openDirectChannel(channel);
    return this.activate(record);
  }

  updateTestPhase(jobId: string, phase: TestSetup['phase']): void {
    const job = this.get(jobId);
    if (job.record.setup.role !== 'test') throw conflict(`this agent is not the test machine of job ${jobId}`);
    job.record = this.save({ ...job.record, setup: { ...job.record.setup, phase } });
  }

  openDirectChannel(record: DirectChannelRecord): DirectChannel {
    const existing = this.context.channels.get(record.channelId);
    if (existing instanceof DirectChannel) return existing;
    writeJsonFileAtomic(join(this.context.dataDir.channelsDir(), `${record.channelId}.json`), record);
    const channel = new DirectChannel(record, this.context.bus);
    this.context.channels.register(channel);
    return channel;
  }

  closeDirectChannel(channelId: string): void {
    this.context.channels.unregister(channelId);
    rmSync(join(this.context.dataDir.channelsDir(), `${channelId}.json`), { force: true });
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) await this.unload(job, false);
  }

  private save(record: JobRecord): JobRecord {
    const dir = this.context.dataDir.jobDir(record.jobId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeJsonFileAtomic(join(dir, 'job.json'), record);
    return record;
  }

  private activate(record: JobRecord): RegisteredJob {
    const { jobId, setup } = record;
    const jobDir = this.context.dataDir.jobDir(jobId);
    const { bus, machine } = this.context;
    const job: RegisteredJob = { record, source: null, target: null };
    if (setup.role === 'source') job.source = new SourceJob({ jobId, setup, jobDir, bus, machine });
    if (setup.role === 'target') {
      job.target = new TargetJob({ jobId, setup, jobDir, bus, machine, newChannelId: () => this.context.channels.newChannelId() });
      this.context.channels.register(job.target);
    }
    this.jobs.set(jobId, job);
    return job;
  }

  private async unload(job: RegisteredJob, shouldForget = true): Promise<void> {
    if (job.source) {
      await job.source.halt();
      job.source.close();
    }
    if (job.target) {
      this.context.channels.unregister(job.target.channelId);
      job.target.close();
    }
    if (shouldForget) this.jobs.delete(job.record.jobId);
  }

  private grantFor(job: RegisteredJob) {
    if (!job.target) return null;
    return { channelId: job.target.channelId, token: this.context.channels.tokenFor(job.target.channelId) };
  }

  private statusOf(job: RegisteredJob): AgentJobStatus {
    const { setup } = job.record;
    return {
      jobId: job.record.jobId,
      type: setup.type,
      role: setup.role,
      directories: setup.directories,
      createdAt: job.record.createdAt,
      source: job.source?.status() ?? null,
      target: job.target?.status() ?? null,
      test: setup.role === 'test' ? { phase: setup.phase, replicaPath: setup.replicaPath, adapterMapping: setup.adapterMapping } : null,
    };
  }
}
