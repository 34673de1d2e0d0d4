/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server forwards the API (and its WebSocket stream) to a locally running `apps/api`.
const apiTarget = process.env.SYNCSAFE_API_URL ?? 'http://127.0.0.1:8080';
const proxied = { target: apiTarget, changeOrigin: false, ws: true };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': proxied, '/healthz': proxied, '/readyz': proxied },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The schemas (zod + @syncsafe/contracts) load with the first form, not with the shell.
        codeSplitting: { groups: [{ name: 'contracts', test: /[\\/](zod|contracts)[\\/]/ }] },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
