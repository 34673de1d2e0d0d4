import { createMigration } from '../migrations/create-migration.ts';

// Usage: pnpm db:migration:create <name>
const name = process.argv.slice(2).join(' ');
if (!name.trim()) {
  console.error('usage: pnpm db:migration:create <name>');
  process.exit(1);
}
const created = await createMigration({ name });
console.log(created ? `created ${created.file}` : 'no changes');
