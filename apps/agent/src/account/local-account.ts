import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

const AccountRecordSchema = z.object({ username: z.string().min(1), passwordHash: z.string() });
type AccountRecord = z.infer<typeof AccountRecordSchema>;

export interface AccountSetup {
  username?: string;
  password?: string;
}

export interface ProvisionedAccount {
  account: LocalAccount;
  /** Set only when the agent made up a password on first start: printed once, never stored in clear. */
  generatedPassword: string | null;
}

/**
 * The server's local account the console must present (HTTP Basic). Only the scrypt hash is stored.
 * A successful check is remembered in memory (as an HMAC of the credentials under a per-process key)
 * so that every request does not pay for scrypt; failures always do, one at a time.
 */
export class LocalAccount {
  private readonly cacheKey = randomBytes(32);
  private verified: Buffer | null = null;
  private checking: Promise<unknown> = Promise.resolve();

  constructor(private readonly record: AccountRecord) {}

  get username(): string {
    return this.record.username;
  }

  /** Remembers credentials already checked at provisioning, so the first request does not pay scrypt again. */
  trust(username: string, password: string): void {
    this.verified = createHmac('sha256', this.cacheKey).update(`${username}\0${password}`).digest();
  }

  async check(username: string, password: string): Promise<boolean> {
    const fingerprint = createHmac('sha256', this.cacheKey).update(`${username}\0${password}`).digest();
    if (this.verified && timingSafeEqual(fingerprint, this.verified)) return true;
    const attempt = this.checking.then(async () => {
      const isValid = username === this.record.username && (await verifyPassword(password, this.record.passwordHash));
      if (isValid) this.verified = fingerprint;
      return isValid;
    });
    this.checking = attempt.catch(() => undefined);
    return attempt;
  }
}

/** Loads the account, creating it (or changing its password) from the setup given at start. */
export async function provisionAccount(file: string, setup: AccountSetup): Promise<ProvisionedAccount> {
  const existing = readJsonFile(file, AccountRecordSchema);
  const username = setup.username ?? existing?.username ?? 'syncsafe';
  if (existing && existing.username === username && (!setup.password || (await verifyPassword(setup.password, existing.passwordHash)))) {
    const account = new LocalAccount(existing);
    if (setup.password) account.trust(username, setup.password);
    return { account, generatedPassword: null };
  }
  const generatedPassword = setup.password ? null : randomBytes(18).toString('base64url');
  const password = setup.password ?? generatedPassword!;
  const record = { username, passwordHash: await hashPassword(password) };
  writeJsonFileAtomic(file, record);
  const account = new LocalAccount(record);
  account.trust(username, password);
  return { account, generatedPassword };
}
