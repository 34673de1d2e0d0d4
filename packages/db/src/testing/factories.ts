import { randomBytes } from 'node:crypto';
import type { Prisma } from '../generated/client.ts';

/**
 * Create-input data for tests, unique per call, with overrides. Data only: secrets are taken
 * already hashed or encrypted, because hashing and encryption belong to the API.
 */

let sequence = 0;

/** A short key unique within the process and unlikely to collide across processes. */
export function uniqueKey(): string {
  sequence += 1;
  return `${sequence}-${randomBytes(3).toString('hex')}`;
}

/** Looks like an Argon2id PHC string but verifies nothing: pass a real hash when a test signs in. */
export const PLACEHOLDER_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g';

/** Not a real AES-256-GCM envelope: pass one made by the API when a test decrypts it. */
export const PLACEHOLDER_PASSWORD_CIPHERTEXT = 'test-ciphertext';

export function buildUser(overrides: Partial<Prisma.UserCreateInput> = {}): Prisma.UserCreateInput {
  return {
    username: `user-${uniqueKey()}`,
    passwordHash: PLACEHOLDER_PASSWORD_HASH,
    role: 'operator',
    ...overrides,
  };
}

export function buildServer(overrides: Partial<Prisma.ServerCreateInput> = {}): Prisma.ServerCreateInput {
  const key = uniqueKey();
  return {
    name: `server-${key}`,
    // A unique host name keeps (address, port) unique without running out of test IPs.
    address: `server-${key}.test`,
    username: 'Administrator',
    passwordCiphertext: PLACEHOLDER_PASSWORD_CIPHERTEXT,
    ...overrides,
  };
}

/** Inserts a user; takes the root client or a transaction client (`tx` on PGlite, see README). */
export function createUser(prisma: Prisma.TransactionClient, overrides: Partial<Prisma.UserCreateInput> = {}) {
  return prisma.user.create({ data: buildUser(overrides) });
}

export function createServer(prisma: Prisma.TransactionClient, overrides: Partial<Prisma.ServerCreateInput> = {}) {
  return prisma.server.create({ data: buildServer(overrides) });
}
