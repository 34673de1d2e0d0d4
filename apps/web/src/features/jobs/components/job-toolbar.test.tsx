import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { JobActions } from '@syncsafe/contracts';
import { JobToolbar } from './job-toolbar.tsx';
import type { JobActionsResponse } from '../api/get-job-actions.ts';

const commands = {
  failover: { allowed: true, reason: null },
  'undo-failover': { allowed: false, reason: 'There is no test failover to undo.' },
  restore: { allowed: false, reason: 'Restore is not allowed while the job is Protecting.' },
  failback: { allowed: false, reason: 'Failback is not allowed while the job is Protecting.' },
  reverse: { allowed: false, reason: 'Reverse is only for Full Server jobs.' },
  start: { allowed: false, reason: 'The job is already protecting.' },
  stop: { allowed: true, reason: null },
  'take-snapshot': { allowed: true, reason: null },
  edit: { allowed: true, reason: null },
  delete: { allowed: true, reason: null },
} satisfies JobActions['commands'];

const actions = { commands } as unknown as JobActionsResponse;

describe('Job toolbar', () => {
  it('names every command in the product’s words, in its order', () => {
    render(<JobToolbar jobName="Protect files01" actions={actions} roleReason={null} onCommand={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Failover or Cutover',
      'Undo Failover or Cutover',
      'Restore',
      'Failback',
      'Reverse',
      'Start',
      'Stop',
      'Take Snapshot',
      'Edit',
      'Delete',
    ]);
  });

  it('keeps a command that is not allowed focusable, describes it by the API’s reason, and ignores clicks on it', () => {
    const onCommand = vi.fn();
    render(<JobToolbar jobName="Protect files01" actions={actions} roleReason={null} onCommand={onCommand} />);
    const failback = screen.getByRole('button', { name: 'Failback' });
    expect(failback.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(failback.getAttribute('aria-describedby')!)?.textContent).toBe('Failback is not allowed while the job is Protecting.');
    fireEvent.click(failback);
    fireEvent.click(screen.getByRole('button', { name: 'Failover or Cutover' }));
    expect(onCommand.mock.calls).toEqual([['failover']]);
  });

  it('greys out everything with one reason when no job is highlighted or the role cannot run jobs', () => {
    const { rerender } = render(<JobToolbar jobName={null} actions={undefined} roleReason={null} onCommand={() => {}} />);
    expect(screen.getAllByRole('tooltip').map((t) => t.textContent)).toEqual(Array(10).fill('Select a job in the table first.'));
    rerender(<JobToolbar jobName="Protect files01" actions={actions} roleReason="Running jobs needs the Operator role." onCommand={() => {}} />);
    expect(new Set(screen.getAllByRole('tooltip').map((t) => t.textContent))).toEqual(new Set(['Running jobs needs the Operator role.']));
  });
});
