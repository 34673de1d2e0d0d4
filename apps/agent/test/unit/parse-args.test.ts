import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAgentArgs } from '../../src/config/parse-args.ts';

const dir = mkdtempSync(join(tmpdir(), 'syncsafe-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('agent configuration', () => {
  it('reads the command line, with defaults for what is not given', () => {
    const config = parseAgentArgs(
      ['--name', 'web01', '--data', '/var/lib/syncsafe', '--adapter', 'Production=10.0.0.5,10.0.0.6', '--adapter', 'Backup', '--service', 'W3SVC:unstoppable', '--faults'],
      {},
    );
    expect(config).toMatchObject({
      name: 'web01',
      port: 6320,
      host: '0.0.0.0',
      dataDir: '/var/lib/syncsafe',
      isFaultInjectionEnabled: true,
      adapters: [
        { friendlyName: 'Production', addresses: ['10.0.0.5', '10.0.0.6'], isProduction: true },
        { friendlyName: 'Backup', addresses: [], isProduction: false },
      ],
      services: [{ name: 'W3SVC', isCritical: false, canStop: false, state: 'running' }],
    });
  });

  it('merges a config file under the command line, and takes the password from the environment', () => {
    const file = join(dir, 'agent.json');
    writeFileSync(file, JSON.stringify({ name: 'from-file', port: 7000, dataDir: '/data', licenseKey: 'abcd-1234', isClustered: true }));
    const config = parseAgentArgs(['--config', file, '--port', '0'], { SYNCSAFE_AGENT_PASSWORD: 's3cret' });
    expect(config).toMatchObject({ name: 'from-file', port: 0, dataDir: '/data', licenseKey: 'ABCD-1234', isClustered: true, password: 's3cret' });
  });

  it('refuses a config without a name or a data directory', () => {
    expect(() => parseAgentArgs(['--data', '/data'], {})).toThrow(/name/);
    expect(() => parseAgentArgs(['--name', 'x'], {})).toThrow(/data/);
  });
});
