import type { AddressKind } from '@syncsafe/contracts';

export const addressKindLabels: Record<AddressKind, string> = {
  reserved: 'Reserved IP',
  public_nat: 'Public NAT',
  private: 'Private',
};

export const addressKindOptions: ReadonlyArray<{ value: AddressKind; label: string; hint: string }> = [
  { value: 'reserved', label: 'Reserved IP', hint: 'An address kept for management; it is not failed over, so the console can always reach the server.' },
  { value: 'public_nat', label: 'Public NAT', hint: 'The router’s public address; usually needs a port other than the default 6320.' },
  { value: 'private', label: 'Private', hint: 'An address on the server’s own network.' },
];
