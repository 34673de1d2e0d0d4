// Lint for the whole workspace: `pnpm lint` runs `eslint --config packages/tooling/eslint.config.js .`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports flow one way: contracts ← domain ← db ← api; web imports contracts only; nothing imports an app. */
const layers = {
  'packages/contracts': ['@syncsafe/domain', '@syncsafe/db', '@syncsafe/db/*'],
  'packages/domain': ['@syncsafe/db', '@syncsafe/db/*'],
  'packages/db': [],
  'apps/web': ['@syncsafe/domain', '@syncsafe/db', '@syncsafe/db/*'],
  'apps/agent': ['@syncsafe/domain', '@syncsafe/db', '@syncsafe/db/*'],
  'apps/api': [],
};
const apps = ['@syncsafe/api', '@syncsafe/web', '@syncsafe/agent', '@syncsafe/api/*', '@syncsafe/web/*', '@syncsafe/agent/*'];
const appPaths = ['**/apps/*/src/**', '**/apps/*/src', '../../apps/**', '../../../apps/**'];
const otherPackagePaths = ['../../packages/**', '../../../packages/**', '**/packages/*/src/**'];

const layerRules = Object.entries(layers).map(([dir, forbidden]) => ({
  files: [`${dir}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: [...forbidden, ...apps], message: `${dir} may not import this layer (see ARCHITECTURE.md: contracts ← domain ← db ← api; web → contracts).` },
          { group: [...appPaths, ...otherPackagePaths], message: 'Import other workspace packages by name (@syncsafe/…), never by path into their sources.' },
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
);
