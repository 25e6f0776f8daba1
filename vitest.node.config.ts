import { defineConfig } from 'vitest/config';

// Node-side tests: the plan importer, the local LINE platform and browser end-to-end tests.
export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
