import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository's prisma/ folder: schema.prisma and migrations/ ship with the source. */
export const prismaDir = fileURLToPath(new URL('../../../prisma/', import.meta.url));
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
