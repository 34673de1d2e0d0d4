import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders, stubFetch } from '../../../test/render-with-providers.tsx';
import { makeJob, makeOperation } from '../../../test/factories.ts';
import { filesAndFoldersFailoverOptions } from '../../../test/actions-fixture.ts';
import { FailoverForm } from './failover-dialog.tsx';

afterEach(() => vi.unstubAllGlobals());

function open() {
  const job = makeJob({ name: 'Protect files01', queue: { bytes: 2048, ops: 3 } });
  const onClose = vi.fn();
  renderWithProviders(<FailoverForm job={job} options={filesAndFoldersFailoverOptions()} version={7} onClose={onClose} />);
  return { job, onClose };
}

describe('Failover dialog', () => {
  it('shows the types the API greys out with its reason, and only the queue choices that apply to the job', () => {
    vi.stubGlobal('fetch', stubFetch(200, { items: [] }).fetchStub);
    open();
    const test = screen.getByLabelText('Perform Test Failover') as HTMLInputElement;
    expect(test.disabled).toBe(true);
    expect(screen.getByText('Not available: This option is not available for files and folders jobs.')).toBeTruthy();
    expect((screen.getByLabelText('Failover To Live Data') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText('Revert To Last Good Snapshot If Target Data State Is Bad')).toBeNull();
    expect(screen.getAllByText(/Queued: 3 operations, 2 KB/).length).toBeGreaterThan(0);
    expect(screen.getByText(/loses 3 operations, 2 KB/)).toBeTruthy();
  });

  it('asks for the job name before a Discard, and sends nothing until it is typed', async () => {
    const operation = makeOperation();
    const { calls, fetchStub } = stubFetch(202, operation);
    vi.stubGlobal('fetch', fetchStub);
    open();
    fireEvent.click(screen.getByLabelText('Discard Data In The Target Queues And Failover Or Cutover Immediately'));
    expect(screen.getByText(/Any data in the target queue is lost/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Failover' }));
    expect(screen.getByText('Type Protect files01 exactly to confirm.')).toBeTruthy();
    expect(calls.filter((c) => c.init.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Type the job name (Protect files01) to confirm'), { target: { value: 'Protect files01' } });
    fireEvent.click(screen.getByLabelText('Leave source services running'));
    fireEvent.click(screen.getByRole('button', { name: 'Failover' }));
    await waitFor(() => expect(calls.some((c) => c.init.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.init.method === 'POST')!;
    expect(post.url).toMatch(/\/api\/jobs\/.+\/failover$/);
    expect(JSON.parse(String(post.init.body))).toEqual({ type: 'live', queue: 'discard', leaveSourceRunning: true, expectedVersion: 7 });
    expect(new Headers(post.init.headers).get('idempotency-key')).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('tells why the API refused, naming the state the job is in now', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch(409, { error: { code: 'conflict', message: 'Failover is not allowed.', details: { state: 'failed-over', stateLabel: 'Failed over', allowedCommands: ['restore', 'failback'] } } }).fetchStub,
    );
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Failover' }));
    await waitFor(() => expect(screen.getByText('Failover was refused')).toBeTruthy());
    expect(screen.getByText(/Allowed now: Restore, Failback\./)).toBeTruthy();
  });
});
