import { describe, expect, it } from 'vitest';
import { CreateJobRequestSchema } from '@syncsafe/contracts';
import { makeJob } from '../../test/factories.ts';
import { emptyJobFormValues, jobToFormValues, stepOfField, toCreateJobInput, toUpdateJobInput } from './job-form-values.ts';

describe('job form values', () => {
  it('turns the wizard’s fields into a request the contract accepts', () => {
    const values = { ...emptyJobFormValues(), name: 'Protect files01', sourceServerId: makeJob().source.id, targetServerId: makeJob().target.id, directories: ['/srv/data', ''], replicaRoot: '/replica', shares: ['public=/replica/public'] };
    const parsed = CreateJobRequestSchema.parse(toCreateJobInput(values));
    expect(parsed.directories).toEqual(['/srv/data']);
    expect(parsed.options.shares).toEqual([{ name: 'public', path: '/replica/public' }]);
  });

  it('keeps typed text that is not a number so the schema can name the field', () => {
    const result = CreateJobRequestSchema.safeParse(toCreateJobInput({ ...emptyJobFormValues(), missedHeartbeats: 'five' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => i.path.join('.') === 'options.monitoring.missedHeartbeats')).toBe(true);
  });

  it('edits send only what changed among the fields the state lets change, with the version', () => {
    const job = makeJob({ version: 4 });
    const values = { ...jobToFormValues(job), name: 'Renamed', replicaRoot: '/elsewhere' };
    expect(toUpdateJobInput(values, job, ['name'])).toEqual({ name: 'Renamed', expectedVersion: 4 });
    expect(toUpdateJobInput(values, job, ['name', 'replicaRoot', 'options'])).toEqual({ name: 'Renamed', replicaRoot: '/elsewhere', expectedVersion: 4 });
  });

  it('sends an API error back to the step that holds its field', () => {
    expect(stepOfField('targetServerId')).toBe('servers');
    expect(stepOfField('options.testFailover.testServerId')).toBe('test');
    expect(stepOfField('options.monitoring.missedHeartbeats')).toBe('failover');
    expect(stepOfField('directories.1')).toBe('replication');
  });
});
