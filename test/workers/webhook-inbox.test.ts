import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { createDb } from '../../worker/db/client';
import { type RunOptions, runAdmitted } from '../../worker/inbox/runner';
import { admitEvents } from '../../worker/inbox/store';
import { findOrgWithChannel } from '../../worker/orgs/data';
import { LEASE_MS } from '../../worker/inbox/retry-policy';
import { sweepInbox } from '../../worker/inbox/sweeper';
import { conversation, newUserId, platformApi, quickReplyLabels } from './support/line';
import { callWorker, signBody, testEnv } from './support/worker';
import { execute, firstRow } from './support/db';

const org = useOrg('chanthaburi');

interface InboxRow {
  id: number;
  status: string;
  attempts: number;
  next_attempt_at: number;
  payload_sealed: string | null;
  last_error: string | null;
}

async function inboxRow(webhookEventId: string): Promise<InboxRow | null> {
  return firstRow<InboxRow>('select * from inbox_events where webhook_event_id = ?', webhookEventId);
}

async function buildSigned(events: unknown[], source = { type: 'user', userId: newUserId() }) {
  const built = await platformApi<{
    webhook: { path: string; body: string; signature: string };
    events: { webhookEventId: string }[];
  }>('/_platform/webhook', { channel: org.slug, source, events, deliver: false });
  return built;
}

function deliver(webhook: { path: string; body: string; signature: string }) {
  return callWorker(webhook.path, {
    method: 'POST',
    body: webhook.body,
    headers: { 'x-line-signature': webhook.signature },
  });
}

describe('first conversation', () => {
  it('"สวัสดี" gets the Thai welcome with the four entry points, as a free reply', async () => {
    const chat = conversation(org.slug, { type: 'user', userId: newUserId() });
    const [reply, ...rest] = await chat.say('สวัสดี');
    expect(rest).toEqual([]);
    expect(reply!.via).toBe('reply');
    expect(reply!.message.text).toContain(org.name);
    expect(quickReplyLabels(reply!.message)).toEqual([
      'ร้องเรียนการทุจริต',
      'ร้องทุกข์ทั่วไป',
      'ติดตามเรื่อง',
      'แผนป้องกันการทุจริต',
    ]);
  });

  it('"ติดตามเรื่อง" from someone without cases says how to find one, not "not understood"', async () => {
    const chat = conversation(org.slug, { type: 'user', userId: newUserId() });
    const [reply] = await chat.say('ติดตามเรื่อง');
    expect(reply!.message.text).toContain('ยังไม่พบเรื่องที่ท่านแจ้ง');
    expect(reply!.message.text).not.toContain('ไม่เข้าใจ');
    expect(quickReplyLabels(reply!.message)).toContain('ร้องเรียนการทุจริต');
  });

  it('a follow gets the welcome too', async () => {
    const chat = conversation(org.slug, { type: 'user', userId: newUserId() });
    const [reply] = await chat.follow();
    expect(reply!.message.text).toContain('ยินดีต้อนรับ');
    expect(quickReplyLabels(reply!.message)).toHaveLength(4);
  });

  it('standby mode sends nothing', async () => {
    const chat = conversation(org.slug, { type: 'user', userId: newUserId() });
    expect(
      await chat.send([{ type: 'message', message: { type: 'text', text: 'สวัสดี' } }], { mode: 'standby' }),
    ).toEqual([]);
  });

  it('in a group the bot introduces itself once on join and stays quiet on chatter', async () => {
    const groupId = `C${crypto.randomUUID().replace(/-/g, '')}`;
    const group = conversation(org.slug, { type: 'group', groupId, userId: newUserId() });
    const [intro] = await group.send([{ type: 'join' }]);
    expect(intro!.message.text).toContain('ผูกกลุ่ม');
    expect(await group.say('ประชุมกี่โมงครับ')).toEqual([]);
    const chat = await firstRow('select status from line_chats where chat_id = ?', groupId);
    expect(chat).toEqual({ status: 'active' });
    await group.send([{ type: 'leave' }]);
    const left = await firstRow('select status from line_chats where chat_id = ?', groupId);
    expect(left).toEqual({ status: 'gone' });
  });
});

describe('delivery guarantees', () => {
  it('the same event delivered twice (and redelivered by LINE) acts once', async () => {
    const userId = newUserId();
    const built = await buildSigned([{ type: 'message', message: { type: 'text', text: 'สวัสดี' } }], {
      type: 'user',
      userId,
    });
    expect((await deliver(built.webhook)).status).toBe(200);
    expect((await deliver(built.webhook)).status).toBe(200);
    const redelivered = await platformApi<{ webhook: { path: string; body: string; signature: string } }>(
      '/_platform/webhook',
      { channel: org.slug, redeliverOf: built.events[0]!.webhookEventId, deliver: false },
    );
    expect(JSON.parse(redelivered.webhook.body).events[0].deliveryContext.isRedelivery).toBe(true);
    expect((await deliver(redelivered.webhook)).status).toBe(200);

    const sent = await platformApi<unknown[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`);
    expect(sent).toHaveLength(1);
    const rows = await firstRow(
      'select count(*) as n from inbox_events where webhook_event_id = ?',
      built.events[0]!.webhookEventId,
    );
    expect(rows).toEqual({ n: 1 });
  });

  it('a body with every event type of webhook.yml plus an invented one gets 200 and is processed', async () => {
    const invented = {
      type: 'hologram',
      mode: 'active',
      timestamp: Date.now(),
      source: { type: 'user', userId: newUserId() },
      webhookEventId: `01INVENTED${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`,
      deliveryContext: { isRedelivery: false },
      hologram: { shape: 'cube' },
      brandNewField: [1, 2, 3],
    };
    const events = [...env.TEST_WEBHOOK_SAMPLES, invented];
    expect(events.length).toBeGreaterThanOrEqual(20);
    const body = JSON.stringify({ destination: org.botUserId, events, unknownTopLevel: true });
    const response = await callWorker(`/webhook/${org.slug}`, {
      method: 'POST',
      body,
      headers: { 'x-line-signature': await signBody(org.channelSecret, body) },
    });
    expect(response.status).toBe(200);
    for (const event of events) {
      const row = await inboxRow((event as { webhookEventId: string }).webhookEventId);
      expect(row, (event as { type: string }).type).toMatchObject({ status: 'done', payload_sealed: null });
    }
  });

  it('a processing failure leaves the event to be retried, and the sweeper completes it later', async () => {
    const built = await buildSigned([{ type: 'message', message: { type: 'text', text: 'สวัสดี' } }]);
    const eventId = built.events[0]!.webhookEventId;
    // Acknowledge as the webhook does, but let the processing crash.
    const { admitted, run } = await admitOnly(built.webhook);
    expect(admitted).toHaveLength(1);
    await run({
      handler: async () => {
        throw new Error('D1 hiccup');
      },
    });
    const failed = (await inboxRow(eventId))!;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: D1 hiccup' });
    expect(failed.payload_sealed).not.toBeNull();
    expect(failed.next_attempt_at).toBeGreaterThan(Date.now());

    // Before the back-off ends the sweeper leaves it alone; after it, the event is processed.
    await sweepInbox(testEnv);
    expect((await inboxRow(eventId))!.status).toBe('pending');
    await sweepInbox(testEnv, { now: () => failed.next_attempt_at + 1 });
    expect(await inboxRow(eventId)).toMatchObject({ status: 'done', attempts: 2, payload_sealed: null });
  });

  it('an event whose isolate died mid-way is taken over after its lease', async () => {
    const built = await buildSigned([{ type: 'message', message: { type: 'text', text: 'สวัสดี' } }]);
    const eventId = built.events[0]!.webhookEventId;
    await admitOnly(built.webhook);
    const row = (await inboxRow(eventId))!;
    // Claimed by a worker that never finished.
    await execute(
      "update inbox_events set status = 'processing', attempts = 1, next_attempt_at = ? where id = ?",
      Date.now() + LEASE_MS,
      row.id,
    );
    await sweepInbox(testEnv);
    expect((await inboxRow(eventId))!.status).toBe('processing');
    await sweepInbox(testEnv, { now: () => Date.now() + LEASE_MS + 1 });
    expect(await inboxRow(eventId)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a schema-invalid outgoing message is refused by the platform and fails the exchange', async () => {
    const userId = newUserId();
    const bad = { type: 'text', text: '', quickReply: { items: new Array(14).fill(null).map(() => ({})) } };
    const built = await buildSigned([{ type: 'message', message: { type: 'text', text: 'x' } }], {
      type: 'user',
      userId,
    });
    const { run } = await admitOnly(built.webhook);
    // A handler that answers with a message LINE would refuse.
    await run({
      handler: async (ctx, event) => {
        await ctx.line.reply((event as { replyToken: string }).replyToken, [bad as never]);
      },
    });
    const failed = (await inboxRow(built.events[0]!.webhookEventId))!;
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toMatch(/LineApiError: LINE reply failed with 400/);
    const rejected = await platformApi<{ status: number }[]>(
      `/_platform/requests?channel=${org.slug}&chat=${userId}`,
    );
    expect(rejected.some((r) => r.status === 400)).toBe(true);

    // The conversation driver every chat test uses turns any refusal in its chat into a failed test.
    const chat = conversation(org.slug, { type: 'user', userId });
    await expect(chat.say('สวัสดี')).rejects.toThrow(/LINE platform rejected the bot's request/);
  });
});

/** Writes the webhook's events to the inbox without running them: the webhook minus its waitUntil. */
async function admitOnly(webhook: { path: string; body: string; signature: string }) {
  const db = createDb(env.DB);
  const keyring = await keyringFromEnv(env);
  const found = (await findOrgWithChannel(db, org.slug))!;
  const body = JSON.parse(webhook.body) as { events: { webhookEventId: string; type: string }[] };
  const ids = body.events.map((e) => e.webhookEventId);
  const admitted = await admitEvents(db, keyring, found.org.id, body.events, ids, Date.now());
  return {
    admitted,
    run: (options: RunOptions) => runAdmitted(testEnv, db, keyring, found, admitted, options),
  };
}
