import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders, stubFetch } from '../../../test/render-with-providers.tsx';
import { AddServerDialog } from './add-server-dialog.tsx';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

function openDialog() {
  const onAdded = vi.fn();
  renderWithProviders(<AddServerDialog isOpen onClose={() => {}} onAdded={onAdded} />);
  return { onAdded, submit: () => fireEvent.click(screen.getByRole('button', { name: 'Add Server' })) };
}

afterEach(() => vi.unstubAllGlobals());

describe('Add Server dialog', () => {
  it('names each bad field inline and sends nothing', () => {
    const { calls, fetchStub } = stubFetch(201, {});
    vi.stubGlobal('fetch', fetchStub);
    const { submit } = openDialog();
    fill('Address', '300.1.1.1');
    fill('Port', '0');
    submit();
    expect(screen.getByText('Address must be an IPv4 address, an IPv6 address or a host name')).toBeTruthy();
    expect(screen.getByText('Port must be between 1 and 65535')).toBeTruthy();
    expect(screen.getByText('Local account name is required')).toBeTruthy();
    expect(screen.getByLabelText('Port', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it('shows the API’s field messages next to their fields', async () => {
    const { calls, fetchStub } = stubFetch(400, {
      error: { code: 'validation_failed', message: 'bad', details: [{ field: 'networkAdapters.0', message: 'The server refuses this adapter name' }] },
    });
    vi.stubGlobal('fetch', fetchStub);
    const { submit, onAdded } = openDialog();
    fill('Address', 'files-01.example.com');
    fill('Local account name', 'ssadmin');
    fill('Password', 'secret');
    fireEvent.click(screen.getByRole('button', { name: 'Add network adapter' }));
    fill('Network adapter 1 friendly name', 'Production NIC');
    submit();
    await waitFor(() => expect(screen.getByText('The server refuses this adapter name')).toBeTruthy());
    expect(onAdded).not.toHaveBeenCalled();
    const sent = JSON.parse(String(calls[0]!.init.body));
    expect(sent).toMatchObject({ address: 'files-01.example.com', port: 6320, addressKind: 'reserved', networkAdapters: ['Production NIC'] });
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/json');
  });

  it('hands the created server back', async () => {
    const created = { id: 'x', name: '10.1.1.1' };
    vi.stubGlobal('fetch', stubFetch(201, created).fetchStub);
    const { submit, onAdded } = openDialog();
    fill('Address', '10.1.1.1');
    fill('Local account name', 'ssadmin');
    fill('Password', 'secret');
    submit();
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(created));
  });
});
