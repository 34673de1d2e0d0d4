import { generatePrismaClient } from '../generate-client.ts';

// Usage: pnpm db:generate (after install, and after every schema.prisma change)
await generatePrismaClient();
