import closeWithGrace from 'close-with-grace';
import { buildServer } from './build-server.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const { fastify, firstAdmin } = await buildServer(config);

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) fastify.log.error({ err }, 'shutting down after an error');
  await fastify.close();
});

const address = await fastify.listen({ host: config.host, port: config.port });
const url = address.replace('://[::1]', '://localhost').replace('://127.0.0.1', '://localhost');
// Printed on stdout, not the JSON log, so a newcomer sees it once and it never lands in log storage.
process.stdout.write(`\nSyncSafe Console listening on ${address}\n  Open ${url}\n`);
if (firstAdmin?.isGenerated) {
  process.stdout.write(`  First admin: ${firstAdmin.username} / ${firstAdmin.password}  (shown once; change it under Users)\n`);
} else if (firstAdmin) {
  process.stdout.write(`  First admin: ${firstAdmin.username} (password from SYNCSAFE_ADMIN_PASSWORD)\n`);
}
process.stdout.write('\n');
