// `pnpm test:all`: every check CI runs, in order, failing fast. Lint and types first (seconds), then
// each package's tests on PGlite, again on PostgreSQL when TEST_DATABASE_URL is set, then the
// browser tests against the built console.
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  env?: Record<string, string>;
  when?: () => boolean;
}

const hasPostgres = () => Boolean(process.env.TEST_DATABASE_URL);
const only = process.argv.slice(2);

const steps: Step[] = [
  { name: 'lint', command: 'pnpm lint' },
  { name: 'casts in the API', command: 'pnpm casts' },
  { name: 'typecheck', command: 'pnpm typecheck' },
  { name: 'tests on PGlite', command: 'pnpm -r --workspace-concurrency=1 --if-present test', env: { SYNCSAFE_TEST_DB: 'pglite' } },
  {
    name: 'database tests on PostgreSQL',
    command: 'pnpm -r --workspace-concurrency=1 --if-present test:postgres',
    env: { SYNCSAFE_TEST_DB: 'postgres' },
    when: hasPostgres,
  },
  { name: 'build the console', command: 'pnpm build' },
  { name: 'browser tests', command: 'pnpm --filter @syncsafe/web --if-present test:e2e' },
];

const started = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name.split(' ')[0]!)) continue;
  if (step.when && !step.when()) {
    console.log(`\n▶ ${step.name}: skipped (TEST_DATABASE_URL is not set)`);
    continue;
  }
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command}`);
  const result = spawnSync(step.command, { shell: true, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
