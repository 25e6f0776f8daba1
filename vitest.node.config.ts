import { defineConfig } from 'vitest/config';

// Node-side tests: the plan importer, the local LINE platform and browser end-to-end tests.
export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
    environment: 'node',
    // Several tests spawn wrangler and tsx; under a CPU-starved CI machine (simulated with a 30% CPU cgroup)
    // they run 6× slower than on an idle one. Timeouts only guard against hangs.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
