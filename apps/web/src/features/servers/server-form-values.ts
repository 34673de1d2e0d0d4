import { DEFAULT_AGENT_PORT, type AddressKind, type CreateServerRequest, type Server, type UpdateServerRequest } from '@syncsafe/contracts';

/** What the Add Server dialog and Edit Server Properties hold while the user types: text as typed. */
export interface ServerFormValues {
  name: string;
  address: string;
  addressKind: AddressKind;
  port: string;
  username: string;
  password: string;
  isClustered: boolean;
  isDomainController: boolean;
  hasNameSpecificApp: boolean;
  networkAdapters: string[];
  licenses: string[];
}

export function emptyServerFormValues(): ServerFormValues {
  return {
    name: '',
    address: '',
    addressKind: 'reserved',
    port: String(DEFAULT_AGENT_PORT),
    username: '',
    password: '',
    isClustered: false,
    isDomainController: false,
    hasNameSpecificApp: false,
    networkAdapters: [],
    licenses: [],
  };
}

export function serverToFormValues(server: Server): ServerFormValues {
  return {
    name: server.name,
    address: server.address,
    addressKind: server.addressKind,
    port: String(server.port),
    username: server.username,
    password: '',
    isClustered: server.isClustered,
    isDomainController: server.isDomainController,
    hasNameSpecificApp: server.hasNameSpecificApp,
    networkAdapters: [...server.networkAdapters],
    licenses: server.licenses.map((license) => license.key),
  };
}

/** Digits stay numbers; anything else becomes NaN so the schema says "Port must be a number". */
export function parsePort(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The create request as typed, before validation (the contract's schema does the validating). */
export function toCreateServerInput(values: ServerFormValues): CreateServerRequest {
  return {
    name: values.name.trim() === '' ? undefined : values.name,
    address: values.address,
    addressKind: values.addressKind,
    port: values.port.trim() === '' ? undefined : parsePort(values.port),
    username: values.username,
    password: values.password,
    isClustered: values.isClustered,
    isDomainController: values.isDomainController,
    hasNameSpecificApp: values.hasNameSpecificApp,
    networkAdapters: values.networkAdapters,
    licenses: values.licenses,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Only what changed against the version the user opened, plus that version for the conflict check. */
export function toUpdateServerInput(values: ServerFormValues, baseline: Server): UpdateServerRequest {
  const input: Record<string, unknown> = {};
  if (values.name !== baseline.name) input.name = values.name;
  if (values.address.trim() !== baseline.address) input.address = values.address;
  if (values.addressKind !== baseline.addressKind) input.addressKind = values.addressKind;
  if (values.port.trim() !== String(baseline.port)) input.port = parsePort(values.port);
  if (values.username.trim() !== baseline.username) input.username = values.username;
  if (values.password !== '') input.password = values.password;
  if (values.isClustered !== baseline.isClustered) input.isClustered = values.isClustered;
  if (values.isDomainController !== baseline.isDomainController) input.isDomainController = values.isDomainController;
  if (values.hasNameSpecificApp !== baseline.hasNameSpecificApp) input.hasNameSpecificApp = values.hasNameSpecificApp;
  if (!sameList(values.networkAdapters.map((a) => a.trim()), baseline.networkAdapters)) input.networkAdapters = values.networkAdapters;
  return { ...input, expectedVersion: baseline.version } as UpdateServerRequest;
}

export function hasPropertyChanges(input: UpdateServerRequest): boolean {
  return Object.keys(input).some((key) => key !== 'expectedVersion');
}

/** The properties Edit Server Properties edits; licences are kept apart because they save at once. */
export function sameEditableProperties(a: Server, b: Server): boolean {
  return sameList(
    [a.name, a.address, a.addressKind, String(a.port), a.username, String(a.isClustered), String(a.isDomainController), String(a.hasNameSpecificApp), ...a.networkAdapters],
    [b.name, b.address, b.addressKind, String(b.port), b.username, String(b.isClustered), String(b.isDomainController), String(b.hasNameSpecificApp), ...b.networkAdapters],
  );
}
