import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { webhookEventSamples } from './test/fixtures/webhook-samples.ts';

// The development data key (also in .dev.vars.example); tests never see a production key.
// ../shared beside the checkout holds LINE's OpenAPI files (see README).
const SHARED_DIR = process.env.SHARED_DIR ?? path.join(import.meta.dirname, '..', 'shared');
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
            TEST_WEBHOOK_SAMPLES: webhookEventSamples(path.join(SHARED_DIR, 'line-openapi')),
            DATA_KEY: DEV_DATA_KEY,
          },
          // The sweeper is driven explicitly by tests, never by a clock.
          triggers: { crons: [] },
        },
      }),
    ],
    test: {
      include: ['test/workers/**/*.test.ts'],
      // Conversation tests drive a dozen webhooks each; on a loaded 2-core machine 5 s was seen to run out.
      testTimeout: 20_000,
      hookTimeout: 60_000,
      // One workerd per vitest worker, not per file (the setup file empties storage before each file).
      isolate: false,
      setupFiles: ['./test/workers/support/setup.ts'],
      globalSetup: ['./test/workers/support/global-setup.ts'],
    },
  };
});
