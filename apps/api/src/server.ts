import closeWithGrace from 'close-with-grace';
import { buildServer } from './build-server.ts';
import { loadConfig } from './config.ts';
import { startDemoFleet, type DemoFleet } from './demo/start-demo-fleet.ts';

const config = loadConfig();
const { fastify, firstAdmin } = await buildServer(config);
let demoFleet: DemoFleet | null = null;

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) fastify.log.error({ err }, 'shutting down after an error');
  try {
    await fastify.close();
  } finally {
    await demoFleet?.stop();
  }
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

// Demo fleet (SYNCSAFE_DEMO, on unless "false"): local agents registered as servers, with two jobs; see src/demo/.
if (config.demo.isEnabled) {
  demoFleet = startDemoFleet(fastify, { dataDir: config.dataDir, portBase: config.demo.portBase });
  try {
    for (const agent of await demoFleet.ready) process.stdout.write(`Demo agent ${agent.name} on ${agent.address}:${agent.port}\n`);
    process.stdout.write('  (SYNCSAFE_DEMO=false turns the demo fleet off)\n\n');
  } catch (err) {
    fastify.log.error({ err }, 'the demo fleet did not start; the console runs without it');
  }
}
