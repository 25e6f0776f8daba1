import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { useOrg } from '../fixtures/demo-org';
import { testEnv } from './support/worker';
import { execute, firstRow } from './support/db';

describe('the cron handler', () => {
  it('sweeps the inbox and purges drafts without failing', async () => {
    // A due event left by a dead isolate: the sweeper must pick it up (it has no payload, so it fails
    // and is rescheduled, which is enough to prove the sweeper ran).
    await execute(
      `insert into inbox_events (org_id, webhook_event_id, type, status, attempts, next_attempt_at, received_at)
       values (?, 'cron-test-event', 'message', 'processing', 1, 0, 0)`,
      useOrg('chanthaburi').id,
    );
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }),
      testEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const row = await firstRow(
      `select status, attempts from inbox_events where webhook_event_id = 'cron-test-event'`,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
  });
});
