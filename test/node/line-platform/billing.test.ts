import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newGroupId, newUserId, platformForTests } from './helpers';

let t: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  t = await platformForTests();
});
afterAll(() => t.platform.close());
beforeEach(async () => {
  await t.admin('/_platform/reset', {});
  await t.admin('/_platform/channels/trang/quota', { limit: 300 });
});

const messages = [
  { type: 'text', text: 'ประกาศ 1' },
  { type: 'text', text: 'ประกาศ 2' },
];
const retryKey = '123e4567-e89b-12d3-a456-426614174000';
const consumption = async () => (await t.line('/v2/bot/message/quota/consumption')).json.totalUsage;

describe('billing', () => {
  it('bills a push to a user once per request, whatever the number of messages', async () => {
    const userId = newUserId();
    const answer = await t.line('/v2/bot/message/push', { to: userId, messages });
    expect(answer.status).toBe(200);
    expect(answer.json.sentMessages).toHaveLength(2);
    const [recorded] = (await t.admin('/_platform/requests?kind=push')).json;
    expect(recorded).toMatchObject({ kind: 'push', chatIds: [userId], billable: 1, messages });
    expect(await consumption()).toBe(1);
  });

  it('bills a push to a group once per member', async () => {
    const groupId = newGroupId();
    const memberIds = Array.from({ length: 8 }, newUserId);
    const group = await t.admin('/_platform/groups', {
      channel: 'trang',
      groupId,
      groupName: 'ช่าง',
      memberIds,
    });
    expect(group.status).toBe(200);
    expect((await t.line('/v2/bot/message/push', { to: groupId, messages })).status).toBe(200);
    expect((await t.line(`/v2/bot/group/${groupId}/members/count`)).json).toEqual({ count: 8 });
    // A group the platform was not told about counts as one recipient.
    expect((await t.line('/v2/bot/message/push', { to: newGroupId(), messages })).status).toBe(200);
    expect(await consumption()).toBe(9);
  });

  it('bills a multicast once per recipient and delivers to each', async () => {
    const to = [newUserId(), newUserId(), newUserId()];
    const answer = await t.line('/v2/bot/message/multicast', { to, messages });
    expect(answer).toMatchObject({ status: 200, json: {} });
    expect(await consumption()).toBe(3);
    const delivered = (await t.admin('/_platform/messages')).json;
    expect(delivered.map((item: { chatId: string; via: string }) => [item.chatId, item.via])).toEqual(
      to.flatMap((id) => [
        [id, 'multicast'],
        [id, 'multicast'],
      ]),
    );
  });

  it('refuses malformed recipients', async () => {
    expect((await t.line('/v2/bot/message/push', { to: 'someone', messages })).status).toBe(400);
    expect((await t.line('/v2/bot/message/multicast', { to: [newGroupId()], messages })).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, newUserId);
    expect((await t.line('/v2/bot/message/multicast', { to: tooMany, messages })).status).toBe(400);
    expect(await consumption()).toBe(0);
  });

  it('answers 409 to a repeated retry key without sending or billing again', async () => {
    const to = newUserId();
    const headers = { 'x-line-retry-key': retryKey };
    const first = await t.line('/v2/bot/message/push', { to, messages }, undefined, headers);
    expect(first.status).toBe(200);
    const second = await t.line('/v2/bot/message/push', { to, messages }, undefined, headers);
    expect(second.status).toBe(409);
    expect(second.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
    expect(second.json.sentMessages).toEqual(first.json.sentMessages);
    expect(await consumption()).toBe(1);
    expect((await t.admin(`/_platform/messages?chat=${to}`)).json).toHaveLength(2);

    const multicastHeaders = { 'x-line-retry-key': '223e4567-e89b-12d3-a456-426614174000' };
    const recipients = [newUserId(), newUserId()];
    expect(
      (await t.line('/v2/bot/message/multicast', { to: recipients, messages }, undefined, multicastHeaders))
        .status,
    ).toBe(200);
    expect(
      (await t.line('/v2/bot/message/multicast', { to: recipients, messages }, undefined, multicastHeaders))
        .status,
    ).toBe(409);
    expect(await consumption()).toBe(3);
    const bad = await t.line('/v2/bot/message/push', { to, messages }, undefined, {
      'x-line-retry-key': 'nope',
    });
    expect(bad.status).toBe(400);
  });

  it('answers the quota, and 429 once a send would exceed it', async () => {
    expect((await t.line('/v2/bot/message/quota')).json).toEqual({ type: 'limited', value: 300 });
    await t.admin('/_platform/channels/trang/quota', { limit: 2 });
    expect((await t.line('/v2/bot/message/quota')).json).toEqual({ type: 'limited', value: 2 });
    expect(
      (await t.line('/v2/bot/message/multicast', { to: [newUserId(), newUserId()], messages })).status,
    ).toBe(200);
    const over = await t.line('/v2/bot/message/push', { to: newUserId(), messages });
    expect(over).toMatchObject({ status: 429, json: { message: 'You have reached your monthly limit.' } });
    await t.admin('/_platform/channels/trang/quota', { limit: null });
    expect((await t.line('/v2/bot/message/quota')).json).toEqual({ type: 'none' });
    expect((await t.line('/v2/bot/message/push', { to: newUserId(), messages })).status).toBe(200);
  });

  it('sums it all up in /_platform/stats', async () => {
    const event = await t.event({ type: 'follow' });
    await t.line('/v2/bot/message/reply', { replyToken: event.replyToken, messages });
    await t.line('/v2/bot/message/reply', { replyToken: event.replyToken, messages });
    await t.line('/v2/bot/message/push', { to: newUserId(), messages });
    const stats = (await t.admin('/_platform/stats?channel=trang')).json;
    expect(stats).toEqual({
      billable: 1,
      free: 1,
      rejected: 1,
      requests: 3,
      byKind: {
        reply: { requests: 2, rejected: 1, billable: 0 },
        push: { requests: 1, rejected: 0, billable: 1 },
      },
    });
  });
});
