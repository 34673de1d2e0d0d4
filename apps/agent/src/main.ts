import { parseAgentArgs, USAGE } from './config/parse-args.ts';
import { startAgent } from './agent.ts';

/**
 * `node --import tsx apps/agent/src/main.ts --name web01 --port 6320 --data <dir> [--faults]`.
 * Prints one JSON line `{"event":"agent.listening","port":…}` on stdout once it accepts connections.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = parseAgentArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const agent = await startAgent(config);
  const ready: Record<string, unknown> = {
    event: 'agent.listening',
    port: agent.port,
    host: config.host,
    machineId: agent.services.machine.machineId,
    name: agent.services.machine.snapshot.identity.name,
    username: agent.services.account.username,
  };
  if (agent.generatedPassword) ready.generatedPassword = agent.generatedPassword;
  process.stdout.write(`${JSON.stringify(ready)}\n`);

  let isClosing = false;
  const shutDown = (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    agent
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`shutdown after ${signal} failed: ${(error as Error).message}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutDown('SIGTERM'));
  process.once('SIGINT', () => shutDown('SIGINT'));
}

await main();
