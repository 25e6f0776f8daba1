import { defineConfig } from 'vitest/config';

// Browser end-to-end tests against the real `npm start` stack (wrangler dev + local LINE platform).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
