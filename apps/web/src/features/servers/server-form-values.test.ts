import { describe, expect, it } from 'vitest';
import { CreateServerRequestSchema, type Server } from '@syncsafe/contracts';
import { emptyServerFormValues, parsePort, serverToFormValues, toCreateServerInput, toUpdateServerInput } from './server-form-values.ts';

const server: Server = {
  id: '7a0d7a43-55bb-4ab4-8a56-0d5e8b0c8f11',
  name: 'files-01',
  address: '10.0.0.5',
  addressKind: 'reserved',
  port: 6320,
  username: 'ssadmin',
  hasPassword: true,
  isClustered: false,
  isDomainController: false,
  hasNameSpecificApp: false,
  networkAdapters: ['Production NIC'],
  status: 'unknown',
  lastSeenAt: null,
  licenses: [{ key: 'AAAA-0001', addedAt: '2026-01-01T00:00:00.000Z' }],
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('parsePort', () => {
  it.each([
    ['6320', 6320],
    [' 8080 ', 8080],
    ['12.5', 12.5],
  ])('%s is %s', (text, port) => expect(parsePort(text)).toBe(port));
  it('turns anything else into NaN so the schema says it is not a number', () => expect(parsePort('63a0')).toBeNaN());
});

describe('toCreateServerInput', () => {
  it('with the contract schema, reports a bad port and a bad address by field', () => {
    const values = { ...emptyServerFormValues(), address: 'no such host!', port: '70000', username: 'u', password: 'p' };
    const result = CreateServerRequestSchema.safeParse(toCreateServerInput(values));
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['address', 'port']));
  });

  it('leaves the name out when empty so the address is used', () => {
    const values = { ...emptyServerFormValues(), address: '10.0.0.9', username: 'u', password: 'p' };
    expect(toCreateServerInput(values).name).toBeUndefined();
  });
});

describe('toUpdateServerInput', () => {
  it('sends only what changed, with the version the user opened', () => {
    const values = { ...serverToFormValues(server), address: '10.0.0.6' };
    expect(toUpdateServerInput(values, server)).toEqual({ address: '10.0.0.6', expectedVersion: 3 });
  });

  it('sends the password only when one was typed', () => {
    expect(toUpdateServerInput(serverToFormValues(server), server)).toEqual({ expectedVersion: 3 });
    expect(toUpdateServerInput({ ...serverToFormValues(server), password: 'new' }, server)).toEqual({ password: 'new', expectedVersion: 3 });
  });
});
