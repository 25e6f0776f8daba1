import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { lineOpenApiDir } from './dev/shared-files.ts';
import { webhookEventSamples } from './test/fixtures/webhook-samples.ts';

// The development data key (also in .dev.vars.example); tests never see a production key.
const DEV_DATA_KEY = 'ZGV2LW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=';

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            TEST_WEBHOOK_SAMPLES: webhookEventSamples(lineOpenApiDir()),
            DATA_KEY: DEV_DATA_KEY,
          },
          // The sweeper is driven explicitly by tests, never by a clock.
          triggers: { crons: [] },
        },
      }),
    ],
    test: {
      include: ['test/workers/**/*.test.ts'],
      // Hang guards, not speed limits: the slowest test takes ~3 s idle, but CI shares a machine whose CPU
      // is at times mostly stolen (one CI run: 20 concurrent residents took 21 s instead of 2–3 s).
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // One workerd per vitest worker, not per file (the setup file empties storage before each file).
      isolate: false,
      setupFiles: ['./test/workers/support/setup.ts'],
      globalSetup: ['./test/workers/support/global-setup.ts'],
    },
  };
});
