import { applyMigrations, openDatabase } from '../index.ts';

// Usage: pnpm db:migrate — same variables as the console: DATABASE_URL (postgres://…) or
// SYNCSAFE_DATA_DIR (file-backed PGlite, default ./data).
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.SYNCSAFE_DATA_DIR || './data',
});
try {
  await applyMigrations(db, (message) => console.log(message));
} finally {
  await db.close();
}
