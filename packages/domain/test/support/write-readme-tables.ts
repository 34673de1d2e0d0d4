// Refreshes the tables section of packages/domain/README.md from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withTables } from './readme-tables.ts';

const path = fileURLToPath(new URL('../../README.md', import.meta.url));
writeFileSync(path, withTables(readFileSync(path, 'utf8')));
