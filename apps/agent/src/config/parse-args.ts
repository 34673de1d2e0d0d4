import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AgentConfigSchema, type AgentConfig, type AgentConfigInput } from './agent-config.ts';

export const USAGE = `syncsafe-agent --name <server name> --data <dir> [options]
  --port <n>                 listening port (default 6320; 0 picks a free one)
  --host <address>           listening address (default 0.0.0.0)
  --username <u> --password <p>
                             the local account the console presents (password also from
                             SYNCSAFE_AGENT_PASSWORD; a random one is printed once if none is given)
  --config <file.json>       the same settings as JSON (command line wins)
  --address <ip>             an address of the server identity (repeatable)
  --adapter "<name>[=ip,ip]" a network adapter by friendly name (repeatable; the first is production)
  --service "<name>[:critical][:unstoppable][:stopped]"   a service of the system state (repeatable)
  --clustered --domain-controller --name-specific-app      role flags
  --license <key>            an activated license key
  --reboot-seconds <n>       modelled reboot duration (default 5)
  --heartbeat-ms <n>         heartbeat interval (default 1000)
  --faults                   enable fault injection (tests and demos only)
  --log-level <level>`;

function parseAdapter(text: string, index: number) {
  const [name, addresses] = text.split('=', 2);
  return {
    friendlyName: name!.trim(),
    addresses: addresses ? addresses.split(',').map((a) => a.trim()).filter(Boolean) : [],
    isProduction: index === 0,
  };
}

function parseService(text: string) {
  const [name, ...flags] = text.split(':');
  return {
    name: name!.trim(),
    isCritical: flags.includes('critical'),
    canStop: !flags.includes('unstoppable'),
    state: flags.includes('stopped') ? ('stopped' as const) : ('running' as const),
  };
}

function toNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** Merges the config file (if any), the command line and the environment into a validated config. */
export function parseAgentArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      name: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      config: { type: 'string' },
      address: { type: 'string', multiple: true },
      adapter: { type: 'string', multiple: true },
      service: { type: 'string', multiple: true },
      clustered: { type: 'boolean' },
      'domain-controller': { type: 'boolean' },
      'name-specific-app': { type: 'boolean' },
      license: { type: 'string' },
      'reboot-seconds': { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      faults: { type: 'boolean' },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  const fromFile = values.config ? (JSON.parse(readFileSync(values.config, 'utf8')) as AgentConfigInput) : {};
  const fromArgs: Partial<AgentConfigInput> = {
    name: values.name,
    port: toNumber(values.port),
    host: values.host,
    dataDir: values.data,
    username: values.username,
    password: values.password ?? env.SYNCSAFE_AGENT_PASSWORD,
    addresses: values.address,
    adapters: values.adapter?.map(parseAdapter),
    services: values.service?.map(parseService),
    isClustered: values.clustered,
    isDomainController: values['domain-controller'],
    hasNameSpecificApplication: values['name-specific-app'],
    licenseKey: values.license,
    rebootSeconds: toNumber(values['reboot-seconds']),
    heartbeatMs: toNumber(values['heartbeat-ms']),
    isFaultInjectionEnabled: values.faults,
    logLevel: values['log-level'] as AgentConfigInput['logLevel'],
  };
  const merged = { ...fromFile, ...Object.fromEntries(Object.entries(fromArgs).filter(([, v]) => v !== undefined)) };
  return AgentConfigSchema.parse(merged);
}
