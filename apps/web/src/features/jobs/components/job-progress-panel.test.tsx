import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { makeJob } from '../../../test/factories.ts';
import { JobProgressPanel } from './job-progress-panel.tsx';

/** The value shown for a term of the panel's list, as read aloud (badge symbols are aria-hidden). */
function valueOf(term: string): string | null {
  const value = screen.getByText(term, { selector: 'dt' }).nextElementSibling?.cloneNode(true) as HTMLElement | undefined;
  value?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return value?.textContent ?? null;
}

describe('State and progress panel', () => {
  it('says the Mirror Status, the Target Status, what was sent and what waits to be sent, in the product’s words', () => {
    const job = makeJob({
      mirrorStatus: 'mirroring',
      targetStatus: 'snapshot-reverted',
      transmit: { sentOps: 1234, sentBytes: 5 * 1024 * 1024, pendingChanges: 7, lastError: null },
    });
    render(<JobProgressPanel job={job} />);
    expect(valueOf('Mirror status')).toBe('In progress');
    expect(valueOf('Target status')).toBe('Snapshot reverted');
    expect(valueOf('Sent')).toBe('1,234 operations, 5 MB (since the source’s agent started)');
    expect(valueOf('Waiting to be sent')).toBe('7 changes');
    expect(screen.queryByText('Last transmit error')).toBeNull();
  });

  it('shows the last transmit error only when there is one', () => {
    render(<JobProgressPanel job={makeJob({ transmit: { sentOps: 0, sentBytes: 0, pendingChanges: 2, lastError: 'connect ECONNREFUSED 10.0.0.2:6320' } })} />);
    expect(valueOf('Last transmit error')).toBe('connect ECONNREFUSED 10.0.0.2:6320');
  });

  it('says why the target data state is bad, and nothing more while it is good', () => {
    const { rerender } = render(
      <JobProgressPanel
        job={makeJob({ targetStatus: 'restore-required', targetDataState: 'bad', targetDataStateReason: 'apply-interrupted', targetDataStateDetail: 'the agent stopped while applying the target queue' })}
      />,
    );
    expect(valueOf('Target status')).toBe('Restore required');
    expect(valueOf('Target data state')).toBe('Bad — Applying the target queue was interrupted (the agent stopped while applying the target queue)');
    rerender(<JobProgressPanel job={makeJob({ targetDataState: 'good' })} />);
    expect(valueOf('Target data state')).toBe('Good');
  });

  it('shows a dash until the agents first reported the job', () => {
    render(<JobProgressPanel job={makeJob({ mirrorStatus: null, targetStatus: null })} />);
    expect(valueOf('Mirror status')).toBe('—');
    expect(valueOf('Target status')).toBe('—');
  });
});
