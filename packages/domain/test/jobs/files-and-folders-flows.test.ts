import { describe, expect, it } from 'vitest';
import { AUTOMATIC_FAILOVER, getAllowedActions } from '../../src/index.ts';
import { JobDriver } from '../support/job-driver.ts';
import { jobFacts, NEW_SOURCE, SOURCE, TARGET } from '../support/job-facts.ts';

const commandsOf = (decision: { operation: { steps: { command: string }[] } | null }) => decision.operation?.steps.map((s) => s.command);

describe('Files and Folders: failover', () => {
  it('with wait for user, a met condition notifies and an operator fails over', () => {
    const job = new JobDriver(jobFacts('files-and-folders'));
    const met = job.event('condition-met');
    expect(met).toMatchObject({ outcome: 'transition', to: 'failover-condition-met', operation: null });
    expect(met.outcome === 'transition' && met.notification?.message).toContain('Failover condition met');

    const failover = job.command({ command: 'failover', type: 'live', queue: 'apply' });
    expect(job.state).toBe('failing-over');
    expect(commandsOf(failover)).toEqual(['stop-services', 'stop-protection', 'apply-queue', 'failover-files']);
    expect(failover.operation?.steps.filter((s) => s.machine === 'source').every((s) => s.isBestEffort)).toBe(true);

    job.succeed();
    expect(job.state).toBe('failed-over');
    // The target stands in for the source: it answers as the source identity.
    expect(job.identities).toEqual({ source: TARGET.id, target: TARGET.id });
  });

  it('without wait for user, a met condition starts the automatic failover', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { options: { ...jobFacts('files-and-folders').options, waitForUser: false } }));
    const met = job.event('condition-met');
    expect(met).toMatchObject({ outcome: 'transition', to: 'failing-over' });
    expect(met.outcome === 'transition' && met.operation?.operation?.input).toEqual(AUTOMATIC_FAILOVER);
    expect(job.job.activeOperation?.kind).toBe('failover');
  });

  it('goes back to Protecting when the condition clears', () => {
    const job = new JobDriver(jobFacts('files-and-folders'));
    job.event('condition-met');
    expect(job.event('condition-cleared')).toMatchObject({ outcome: 'transition', to: 'protecting' });
  });

  it('discarding the target queue says how much is lost and keeps the discard report', () => {
    const job = new JobDriver(jobFacts('files-and-folders'));
    const failover = job.command({ command: 'failover', type: 'live', queue: 'discard', leaveSourceRunning: true });
    const steps = failover.operation!.steps;
    expect(steps.map((s) => s.command)).toEqual(['stop-protection', 'discard-queue', 'failover-files']);
    expect(steps.find((s) => s.command === 'discard-queue')?.keepsReport).toBe(true);
    expect(failover.warnings).toEqual([
      expect.objectContaining({ code: 'discard-loses-queue', severity: 'danger', appliesTo: { option: 'queue', value: 'discard' } }),
    ]);
    expect(failover.warnings[0]!.message).toContain('120 operations (10 MB)');
  });

  it('refuses Test and Snapshot failover with the spec’s reasons, naming the field', () => {
    const job = new JobDriver(jobFacts('files-and-folders'));
    expect(job.refused({ command: 'failover', type: 'test', queue: 'apply' })).toMatchObject({
      code: 'invalid-option',
      field: 'type',
      reason: 'This option is not available for files and folders jobs.',
    });
    expect(job.refused({ command: 'failover', type: 'snapshot', queue: 'apply', snapshotId: 'x' })).toMatchObject({
      field: 'type',
      reason: 'This option is not applicable to files and folders jobs.',
    });
    expect(job.refused({ command: 'failover', type: 'live', queue: 'revert-if-bad' })).toMatchObject({ field: 'queue' });
  });
});

describe('Files and Folders: restore then failback, then start', () => {
  it('keeps users on the target while data flows back, then fails back and stops', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'failed-over' }));
    const restore = job.command({ command: 'restore', restoreData: true });
    expect(job.state).toBe('restoring');
    expect(restore.operation?.steps.map((s) => [s.machine, s.command])).toEqual([
      ['restore-destination', 'prepare-restore'],
      ['target', 'restore'],
    ]);
    expect(restore.warnings.map((w) => w.code)).toEqual(['shares-not-restored', 'files-must-be-closed']);
    job.succeed();
    expect(job.state).toBe('restored');
    expect(job.identities.source).toBe(TARGET.id);

    job.command({ command: 'failback' });
    expect(job.state).toBe('failing-back');
    job.succeed();
    expect(job.state).toBe('stopped');
    expect(job.identities).toEqual({ source: SOURCE.id, target: TARGET.id });

    const start = job.command({ command: 'start' });
    expect(commandsOf(start)).toEqual(['start-protection', 'mirror']);
    job.succeed();
    expect(job.state).toBe('protecting');
  });

  it('may restore again before failback', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'restored' }));
    job.command({ command: 'restore', restoreData: true });
    job.succeed();
    expect(job.state).toBe('restored');
  });

  it('asks for an edit before Start when the data went to a new source', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'failed-over' }));
    job.command({ command: 'restore', restoreData: true, serverId: NEW_SOURCE, port: 7000 });
    job.succeed();
    job.command({ command: 'failback' });
    job.succeed();
    expect(job.state).toBe('stopped');
    expect(job.refused({ command: 'start' }).reason).toContain('edit the job');
    expect(getAllowedActions(job.job).edit.fields).toContain('sourceServerId');

    job.world({ servers: { ...job.job.servers, source: { ...SOURCE, id: NEW_SOURCE, name: 'web02' } } });
    job.command({ command: 'start' });
    job.succeed();
    expect(job.state).toBe('protecting');
  });
});

describe('Files and Folders: failback then restore', () => {
  it('fails back first, then restores, and the job stops', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'failed-over' }));
    const failback = job.command({ command: 'failback' });
    expect(failback.warnings.map((w) => w.code)).toEqual(['job-may-not-be-visible']);
    job.succeed();
    expect(job.state).toBe('failed-back');
    expect(job.identities.source).toBe(SOURCE.id);

    job.command({ command: 'restore', restoreData: true });
    job.succeed();
    expect(job.state).toBe('stopped');
  });

  it('with Do Not Restore Data, warns that target changes are lost and stops without moving data', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'failed-back' }));
    const skip = job.command({ command: 'restore', restoreData: false });
    expect(skip.operation?.steps).toEqual([]);
    expect(skip.warnings).toEqual([expect.objectContaining({ code: 'do-not-restore-loses-changes', severity: 'danger' })]);
    job.succeed();
    expect(job.state).toBe('stopped');
    job.command({ command: 'start' });
    job.succeed();
    expect(job.state).toBe('protecting');
  });

  it('offers Do Not Restore Data only after failback', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'failed-over' }));
    expect(job.refused({ command: 'restore', restoreData: false })).toMatchObject({ field: 'restoreData' });
    expect(job.refused({ command: 'restore', restoreData: false }).reason).toContain('fail back first');
  });
});

describe('Files and Folders: an operation that fails part-way', () => {
  it('leaves the job in Error, where the failed command can be retried from where it started', () => {
    const job = new JobDriver(jobFacts('files-and-folders', { state: 'failed-back' }));
    job.command({ command: 'restore', restoreData: true });
    job.fail('files are open on the destination');
    expect(job.state).toBe('error');
    expect(getAllowedActions(job.job).allowedCommands).toEqual(['restore', 'edit', 'delete']);
    expect(getAllowedActions(job.job).edit.fields).toEqual(['name']);

    // The retry follows the rules of Failed back: Do Not Restore Data is offered, and it ends Stopped.
    job.command({ command: 'restore', restoreData: false });
    job.succeed();
    expect(job.state).toBe('stopped');
  });

  it('keeps the identities last confirmed while in Error', () => {
    const job = new JobDriver(jobFacts('files-and-folders'));
    job.command({ command: 'failover', type: 'live', queue: 'apply' });
    job.fail();
    expect(job.identities.source).toBe(SOURCE.id);
    job.command({ command: 'failover', type: 'live', queue: 'discard' });
    job.succeed();
    expect(job.state).toBe('failed-over');
    expect(job.identities.source).toBe(TARGET.id);
  });
});
