import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything the agent keeps lives under its data directory:
 *   machine.json  account.json  agent.key     the machine model, the local account, the token secret
 *   steps/<stepId>.json                        step results (idempotency across restarts)
 *   channels/<channelId>.json                  receiving channels opened for other agents
 *   jobs/<jobId>/job.json, state.json          job setup and its durable runtime state
 *   jobs/<jobId>/queue/                        the target queue (segments + applied log)
 */
export class DataDir {
  constructor(readonly root: string) {}

  ensure(): void {
    for (const dir of [this.root, this.stepsDir(), this.channelsDir(), this.jobsDir()]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
  }

  machineFile(): string {
    return join(this.root, 'machine.json');
  }

  accountFile(): string {
    return join(this.root, 'account.json');
  }

  secretFile(): string {
    return join(this.root, 'agent.key');
  }

  stepsDir(): string {
    return join(this.root, 'steps');
  }

  channelsDir(): string {
    return join(this.root, 'channels');
  }

  jobsDir(): string {
    return join(this.root, 'jobs');
  }

  jobDir(jobId: string): string {
    return join(this.jobsDir(), jobId);
  }

  queueDir(jobId: string): string {
    return join(this.jobDir(jobId), 'queue');
  }
}
