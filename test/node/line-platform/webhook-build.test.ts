import { join } from 'node:path';
import { validateSignature } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../../dev/line-platform/signature';
import { openApiDir } from '../../../dev/line-platform/spec/openapi-schemas';
import { compileValidators } from '../../../dev/line-platform/spec/validator';
import { newGroupId, newUserId, platformForTests, trang } from './helpers';

let t: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  t = await platformForTests();
});
afterAll(() => t.platform.close());

// The platform's own events must be what webhook.yml says LINE sends.
const { CallbackRequest: checkCallback } = compileValidators(join(openApiDir(), 'webhook.yml'), [
  'CallbackRequest',
] as const);

describe('signature', () => {
  it('matches the official example', () => {
    const body = '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}';
    expect(signBody('8c570fa6dd201bb328f1c1eac23a96d8', body)).toBe(
      'GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=',
    );
  });

  it('signs any raw body through /_platform/sign', async () => {
    const response = await fetch(`${t.url}/_platform/sign?channel=trang`, {
      method: 'POST',
      body: '{"a":1}',
    });
    expect(await response.json()).toEqual({ signature: signBody(trang.channelSecret, '{"a":1}') });
  });
});

describe('POST /_platform/webhook with deliver: false', () => {
  it('builds a complete, signed webhook for the channel', async () => {
    const userId = newUserId();
    const answer = await t.admin('/_platform/webhook', {
      channel: 'trang',
      source: { type: 'user', userId },
      events: [
        { type: 'message', message: { type: 'text', text: 'สวัสดี' } },
        { type: 'message', message: { type: 'sticker', packageId: '446', stickerId: '1988' } },
        { type: 'message', message: { type: 'location', address: 'ตรัง', latitude: 7.55, longitude: 99.61 } },
        { type: 'postback', postback: { data: 'action=track', params: { date: '2026-05-01' } } },
        { type: 'follow' },
        { type: 'unfollow' },
      ],
      deliver: false,
    });
    expect(answer.status).toBe(200);
    const { webhook, events } = answer.json;
    expect(webhook.path).toBe('/webhook/trang');
    expect(validateSignature(webhook.body, trang.channelSecret, webhook.signature)).toBe(true);
    const body = JSON.parse(webhook.body);
    expect(body.destination).toBe(trang.botUserId);
    expect(body.events).toEqual(events);
    expect(checkCallback(body)).toEqual([]);

    const [text, sticker, location, postback, follow, unfollow] = events;
    for (const event of events) {
      expect(event.webhookEventId).toMatch(/^[0-9A-Z]{26}$/);
      expect(event).toMatchObject({ mode: 'active', deliveryContext: { isRedelivery: false } });
      expect(event.source).toEqual({ type: 'user', userId });
    }
    expect(new Set(events.map((event: { webhookEventId: string }) => event.webhookEventId)).size).toBe(6);
    expect(text.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(text.message).toMatchObject({ type: 'text', text: 'สวัสดี', id: expect.stringMatching(/^\d+$/) });
    expect(text.message.quoteToken).toEqual(expect.any(String));
    expect(sticker.message).toMatchObject({ stickerResourceType: 'STATIC', quoteToken: expect.any(String) });
    expect(location.message.quoteToken).toBeUndefined();
    expect(postback.postback).toEqual({ data: 'action=track', params: { date: '2026-05-01' } });
    expect(follow).toMatchObject({ replyToken: expect.any(String), follow: { isUnblocked: false } });
    expect(unfollow.replyToken).toBeUndefined();
  });

  it('builds group events, standby events without reply tokens, and invented event types', async () => {
    const source = { type: 'group', groupId: newGroupId(), userId: newUserId() };
    const join = await t.event({ type: 'join' }, { type: 'group', groupId: source.groupId });
    expect(join).toMatchObject({
      source: { type: 'group', groupId: source.groupId },
      replyToken: expect.any(String),
    });
    const leave = await t.event({ type: 'leave' }, source);
    expect(leave.replyToken).toBeUndefined();

    const standby = await t.admin('/_platform/webhook', {
      channel: 'trang',
      source,
      mode: 'standby',
      events: [{ type: 'message', message: { type: 'text', text: 'x' } }],
      deliver: false,
    });
    expect(standby.json.events[0]).toMatchObject({ mode: 'standby' });
    expect(standby.json.events[0].replyToken).toBeUndefined();

    const invented = await t.event({ type: 'somethingNew', payload: { a: 1 } }, source);
    expect(invented).toMatchObject({ type: 'somethingNew', payload: { a: 1 }, source, mode: 'active' });
    expect(invented.webhookEventId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('redelivers the exact same event, flagged as a redelivery', async () => {
    const original = await t.event({ type: 'message', message: { type: 'text', text: 'ซ้ำ' } });
    const again = await t.admin('/_platform/webhook', {
      redeliverOf: original.webhookEventId,
      deliver: false,
    });
    expect(again.status).toBe(200);
    expect(again.json.events).toEqual([{ ...original, deliveryContext: { isRedelivery: true } }]);
    const missing = await t.admin('/_platform/webhook', {
      redeliverOf: '01ABCDEFGHJKMNPQRSTVWXYZ00',
      deliver: false,
    });
    expect(missing.status).toBe(400);
  });

  it('refuses malformed input', async () => {
    const bad = [
      { channel: 'nowhere', source: { userId: newUserId() }, events: [] },
      { channel: 'trang', source: { userId: 'Uxyz' }, events: [{ type: 'follow' }] },
      { channel: 'trang', source: { userId: newUserId() }, events: [{ message: {} }] },
      { channel: 'trang', events: [{ type: 'follow' }] },
    ];
    for (const body of bad)
      expect((await t.admin('/_platform/webhook', { ...body, deliver: false })).status).toBe(400);
  });
});
