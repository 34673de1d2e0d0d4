import { createAgentClient } from '@syncsafe/agent-client';
import { createAgentDirectory } from '../../src/services/operations/agent-directory.ts';
import { createSecretBox } from '../../src/services/secret-box.ts';
import { TEST_SECRET_KEY, type TestApp } from './test-app.ts';

/** The same agent directory the console uses, for tests that drive a service directly. */
export function createAgentDirectoryFor(t: TestApp) {
  return createAgentDirectory(t.db.prisma, createSecretBox(Buffer.from(TEST_SECRET_KEY, 'base64')), createAgentClient);
}
