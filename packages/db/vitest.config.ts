import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated PGlite dump shared by every test process (see src/testing/global-setup.ts).
    globalSetup: ['./src/testing/global-setup.ts'],
    // Loading the Wasm schema engine and replaying migrations on a shadow database takes seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
