import { defineConfig } from 'vitest/config';

// Browser end-to-end tests against the real `npm start` stack (wrangler dev + local LINE platform).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/e2e/support/global-setup.ts'],
    // Hang guard: the longest test takes ~6 s idle and took 45 s on a CPU-starved CI run.
    testTimeout: 120_000,
    // expect.poll waits 1 s by default: too short when CI shares a loaded 2-core machine (a stale-version
    // refusal took longer than that in one CI run). The assertions stay the same; only the wait is longer.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
