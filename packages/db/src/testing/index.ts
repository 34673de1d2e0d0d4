export { createTestDatabase, type TestDatabaseOptions } from './create-test-database.ts';
export {
  buildServer,
  buildUser,
  createServer,
  createUser,
  uniqueKey,
  PLACEHOLDER_PASSWORD_CIPHERTEXT,
  PLACEHOLDER_PASSWORD_HASH,
} from './factories.ts';
