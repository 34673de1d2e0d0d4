import { describe, expect, it } from 'vitest';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Job } from '@syncsafe/contracts';
import { makeJob } from '../../../test/factories.ts';
import { applyJobEvents } from './job-cache.ts';
import { jobQueryKey } from './get-job.ts';
import { jobActionsQueryKey } from './get-job-actions.ts';
import { jobsListQueryOptions, type JobListPage } from './list-jobs.ts';

type List = InfiniteData<JobListPage, string | undefined>;

const listOf = (jobs: Job[]): List => ({ pageParams: [undefined], pages: [{ items: jobs, total: jobs.length, nextCursor: null }] });
const listKey = (filters: Parameters<typeof jobsListQueryOptions>[0]) => jobsListQueryOptions(filters).queryKey;

describe('applyJobEvents', () => {
  it('updates the details and every list holding the job, and refetches the actions when the job moved', () => {
    const client = new QueryClient();
    const job = makeJob({ name: 'web' });
    client.setQueryData(jobQueryKey(job.id), job);
    client.setQueryData(listKey({}), listOf([job]));
    client.setQueryData(listKey({ state: 'protecting' }), listOf([job]));
    client.setQueryData(jobActionsQueryKey(job.id), { state: 'protecting' });

    const moved = { ...job, state: 'failing-over' as const, version: 2, updatedAt: '2025-01-03T00:00:00.000Z' };
    applyJobEvents(client, new Map([[job.id, moved]]));

    expect(client.getQueryData(jobQueryKey(job.id))).toEqual(moved);
    expect(client.getQueryData<List>(listKey({}))!.pages[0]!.items[0]).toEqual(moved);
    expect(client.getQueryData<List>(listKey({ state: 'protecting' }))!.pages[0]!.items).toEqual([]);
    expect(client.getQueryState(jobActionsQueryKey(job.id))!.isInvalidated).toBe(true);
  });

  it('does not create a details entry for a job nobody looked at', () => {
    const client = new QueryClient();
    const job = makeJob();
    applyJobEvents(client, new Map([[job.id, job]]));
    expect(client.getQueryData(jobQueryKey(job.id))).toBeUndefined();
  });
});
