// Lint for the whole workspace: `pnpm lint` runs `eslint --config packages/tooling/eslint.config.js .`.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domain = '@syncsafe/domain';
const db = ['@syncsafe/db', '@syncsafe/db/*'];
const agentClient = ['@syncsafe/agent-client', '@syncsafe/agent-client/*'];

/**
 * Imports flow one way: contracts ← domain ← db ← api; web imports contracts only; agent-client imports
 * contracts only and only the api imports it; nothing imports an app. Later entries win for their files.
 */
const layers = {
  'packages/contracts': [domain, ...db, ...agentClient],
  'packages/domain': [...db, ...agentClient],
  'packages/db': [...agentClient],
  'packages/agent-client': [domain, ...db],
  'apps/web': [domain, ...db, ...agentClient],
  'apps/agent': [domain, ...db, ...agentClient],
  // The agent's tests drive real agent processes the way the console does: through its client.
  'apps/agent/test': [domain, ...db],
  'apps/api': [],
};
const apps = ['@syncsafe/api', '@syncsafe/web', '@syncsafe/agent', '@syncsafe/api/*', '@syncsafe/web/*', '@syncsafe/agent/*'];
const appPaths = ['**/apps/*/src/**', '**/apps/*/src', '../../apps/**', '../../../apps/**'];
const otherPackagePaths = ['../../packages/**', '../../../packages/**', '**/packages/*/src/**'];

const layerPatterns = (dir, forbidden) => [
  { group: [...forbidden, ...apps], message: `${dir} may not import this layer (see ARCHITECTURE.md: contracts ← domain ← db ← api; web → contracts).` },
  { group: [...appPaths, ...otherPackagePaths], message: 'Import other workspace packages by name (@syncsafe/…), never by path into their sources.' },
];

const layerRules = Object.entries(layers).map(([dir, forbidden]) => ({
  files: [`${dir}/**/*.{ts,tsx}`],
  rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(dir, forbidden) }] },
}));

/**
 * A console feature does not import another feature: they meet in `apps/web/src/app/routes` (shared
 * pieces live in `src/components` or `src/lib`). Relative paths only, so each feature forbids the
 * others' folder names (`../../servers/…`, `../../../features/servers/…`).
 */
const webFeatures = readdirSync(new URL('../../apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureRules = webFeatures.map((feature) => ({
  files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...layerPatterns('apps/web', layers['apps/web']),
          {
            regex: `^(\\.\\./)+(features/)?(${webFeatures.filter((other) => other !== feature).join('|')})(/|$)`,
            message: `Features do not import each other: compose ${feature} with that feature in apps/web/src/app/routes, or move the shared piece to src/components or src/lib.`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'data/**', '**/test-results/**', '**/playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', window: 'readonly', document: 'readonly', navigator: 'readonly', AbortController: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', performance: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', Blob: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', WebSocket: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly', HTMLElement: 'readonly', KeyboardEvent: 'readonly', MouseEvent: 'readonly', Event: 'readonly', crypto: 'readonly', setImmediate: 'readonly', NodeJS: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Command-line entry points and benchmarks talk to a terminal.
  { files: ['**/cli/**', '**/bench/**', '**/e2e/**', 'packages/tooling/**', 'apps/*/src/main.ts', 'apps/api/src/server.ts'], rules: { 'no-console': 'off' } },
  ...layerRules,
  ...featureRules,
);
