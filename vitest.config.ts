import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    globalSetup: ['test/servers/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    // Test files share the servers (and cluster-wide roles); run them one after another so one
    // file's locks, roles or load cannot stall another's.
    fileParallelism: false,
    maxWorkers: 2,
  },
});
