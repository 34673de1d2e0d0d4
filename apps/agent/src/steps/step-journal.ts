import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentStepRecordSchema, type AgentStepCommand, type AgentStepRecord, type Json } from '@syncsafe/contracts';
import type { EventBus } from '../events/event-bus.ts';
import { AgentError, conflict } from '../server/agent-error.ts';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';

const StoredStepSchema = z.object({ record: AgentStepRecordSchema, fingerprint: z.string() });

/** What a step handler returns: the result, and an effect to run once the answer has left (e.g. power off). */
export interface StepOutcome {
  result: Json;
  afterReply?: () => void;
}

export class StepRun {
  private effect: (() => void) | null = null;
  private isDetached = false;
  isDone = false;

  constructor(readonly done: Promise<AgentStepRecord>) {}

  setEffect(effect: (() => void) | undefined): void {
    if (!effect) return;
    if (this.isDetached) effect();
    else this.effect = effect;
  }

  /** Hands the effect to whoever answers; nobody waits any more, so a later effect runs at once. */
  takeEffect(): (() => void) | null {
    const effect = this.effect;
    this.effect = null;
    this.isDetached = true;
    return effect;
  }
}

/**
 * Step results by step id, on disk: a repeated step id returns the first result, also after an agent
 * restart; a step that was running when the agent stopped is `interrupted` and runs again when repeated.
 * The same id with a different command is a conflict.
 */
export class StepJournal {
  private readonly running = new Map<string, { run: StepRun; fingerprint: string }>();

  constructor(
    private readonly dir: string,
    private readonly bus: EventBus,
  ) {}

  /** Marks steps left running by a previous process as interrupted. */
  recover(): void {
    for (const name of readdirSync(this.dir)) {
      const stored = readJsonFile(join(this.dir, name), StoredStepSchema);
      if (stored?.record.status === 'running') {
        writeJsonFileAtomic(join(this.dir, name), { ...stored, record: { ...stored.record, status: 'interrupted' } });
      }
    }
  }

  get(stepId: string): AgentStepRecord | null {
    return readJsonFile(this.fileOf(stepId), StoredStepSchema)?.record ?? null;
  }

  start(stepId: string, command: AgentStepCommand, execute: () => Promise<StepOutcome>): StepRun {
    const fingerprint = createHash('sha256').update(JSON.stringify(command)).digest('hex');
    const inFlight = this.running.get(stepId);
    if (inFlight) {
      this.assertSameCommand(stepId, inFlight.fingerprint, fingerprint);
      return inFlight.run;
    }
    const stored = readJsonFile(this.fileOf(stepId), StoredStepSchema);
    if (stored && stored.record.status !== 'interrupted') {
      this.assertSameCommand(stepId, stored.fingerprint, fingerprint);
      const run = new StepRun(Promise.resolve(stored.record));
      run.isDone = true;
      return run;
    }
    const record: AgentStepRecord = {
      stepId,
      command: command.command,
      status: 'running',
      attempts: (stored?.record.attempts ?? 0) + 1,
      startedAt: Date.now(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.save(record, fingerprint);
    // Assigned once, but the effect callback below may close over it before the assignment.
    // eslint-disable-next-line prefer-const
    let run!: StepRun;
    const done = this.execute(record, fingerprint, execute, (effect) => run.setEffect(effect));
    run = new StepRun(done);
    this.running.set(stepId, { run, fingerprint });
    void done.then(() => {
      run.isDone = true;
      this.running.delete(stepId);
    });
    return run;
  }

  private async execute(
    record: AgentStepRecord,
    fingerprint: string,
    execute: () => Promise<StepOutcome>,
    onEffect: (effect: (() => void) | undefined) => void,
  ): Promise<AgentStepRecord> {
    let finished: AgentStepRecord;
    let effect: (() => void) | undefined;
    try {
      const outcome = await execute();
      effect = outcome.afterReply;
      finished = { ...record, status: 'succeeded', finishedAt: Date.now(), result: outcome.result ?? null };
    } catch (error) {
      const agentError = error instanceof AgentError ? error : new AgentError('internal', (error as Error).message);
      finished = {
        ...record,
        status: 'failed',
        finishedAt: Date.now(),
        error: { code: agentError.code, message: agentError.message, details: agentError.details },
      };
    }
    this.save(finished, fingerprint);
    this.bus.publish({ kind: 'step-finished', stepId: record.stepId, command: record.command, status: finished.status });
    onEffect(effect);
    return finished;
  }

  private assertSameCommand(stepId: string, stored: string, given: string): void {
    if (stored !== given) throw conflict(`step ${stepId} was already used for a different command`);
  }

  private save(record: AgentStepRecord, fingerprint: string): void {
    writeJsonFileAtomic(this.fileOf(record.stepId), { record, fingerprint });
  }

  private fileOf(stepId: string): string {
    return join(this.dir, `${stepId}.json`);
  }
}
