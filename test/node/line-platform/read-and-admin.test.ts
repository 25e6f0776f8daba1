import { messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newGroupId, newUserId, platformForTests, trang } from './helpers';

let t: Awaited<ReturnType<typeof platformForTests>>;
let client: messagingApi.MessagingApiClient;
let blob: messagingApi.MessagingApiBlobClient;
beforeAll(async () => {
  t = await platformForTests();
  // The official SDK, pointed here the way the worker points it (LINE_API_BASE / LINE_DATA_API_BASE).
  client = new messagingApi.MessagingApiClient({
    channelAccessToken: trang.channelAccessToken,
    baseURL: t.url,
  });
  blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: trang.channelAccessToken,
    baseURL: t.url,
  });
});
afterAll(() => t.platform.close());

describe('read endpoints, through the official @line/bot-sdk', () => {
  it('sends a reply, a push with a retry key and reads content', async () => {
    const event = await t.event({ type: 'message', message: { type: 'image' } });
    const reply = await client.replyMessage({
      replyToken: event.replyToken,
      messages: [{ type: 'text', text: 'รับแล้ว' }],
    });
    expect(reply.sentMessages).toHaveLength(1);
    await client.pushMessage(
      { to: event.source.userId, messages: [{ type: 'text', text: 'x' }] },
      crypto.randomUUID(),
    );
    const stream = await blob.getMessageContent(event.message.id);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe('PNG');
    await expect(
      client.replyMessage({ replyToken: event.replyToken, messages: [{ type: 'text', text: 'x' }] }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  it('answers profiles: known users, a plausible default, 404 for malformed ids', async () => {
    const userId = newUserId();
    await t.admin('/_platform/users', {
      userId,
      displayName: 'สมหมาย',
      pictureUrl: 'https://example.com/p.png',
    });
    expect(await client.getProfile(userId)).toEqual({
      userId,
      displayName: 'สมหมาย',
      pictureUrl: 'https://example.com/p.png',
    });
    const stranger = newUserId();
    expect(await client.getProfile(stranger)).toMatchObject({ userId: stranger, displayName: 'ผู้ใช้ทดสอบ' });
    expect((await t.line('/v2/bot/profile/Unope')).status).toBe(404);
  });

  it('answers group summary, member count and member profiles', async () => {
    const groupId = newGroupId();
    const member = newUserId();
    await t.admin('/_platform/users', { channel: 'trang', userId: member, displayName: 'ช่างสมศักดิ์' });
    await t.admin('/_platform/groups', {
      channel: 'trang',
      groupId,
      groupName: 'กองช่าง',
      memberIds: [member],
    });
    expect(await client.getGroupSummary(groupId)).toEqual({ groupId, groupName: 'กองช่าง' });
    expect(await client.getGroupMemberCount(groupId)).toEqual({ count: 1 });
    expect(await client.getGroupMemberProfile(groupId, member)).toEqual({
      userId: member,
      displayName: 'ช่างสมศักดิ์',
    });
    expect((await t.line(`/v2/bot/group/${groupId}/member/${newUserId()}`)).status).toBe(404);
    // Another channel does not know this group (nor the channel-scoped user).
    const other = await t.line(`/v2/bot/group/${groupId}/summary`, undefined, 'dev-token-lampang');
    expect(other.json.groupName).toBe('กลุ่มทดสอบ');
  });

  it('answers bot info and quota', async () => {
    expect(await client.getBotInfo()).toMatchObject({
      userId: trang.botUserId,
      displayName: trang.name,
      chatMode: 'bot',
    });
    expect(await client.getMessageQuota()).toEqual({ type: 'limited', value: 300 });
    expect(await client.getMessageQuotaConsumption()).toEqual({ totalUsage: 1 });
  });

  it('records calls to endpoints it does not emulate', async () => {
    const answer = await t.line('/v2/bot/followers/ids');
    expect(answer.status).toBe(404);
    expect((await t.admin('/_platform/requests?kind=other')).json).toEqual([
      expect.objectContaining({ path: '/v2/bot/followers/ids', status: 404, channel: 'trang' }),
    ]);
  });
});

describe('admin API and chat page', () => {
  it('lists channels, demo users and staff groups', async () => {
    const channels = (await t.admin('/_platform/channels')).json;
    expect(channels.map((channel: { slug: string }) => channel.slug)).toContain('trang');
    expect(channels[0]).toMatchObject({
      name: expect.any(String),
      channelSecret: expect.any(String),
      quota: 300,
    });
    expect((await t.admin('/_platform/users')).json.length).toBeGreaterThanOrEqual(4);
    const groups = (await t.admin('/_platform/groups?channel=trang')).json;
    expect(groups[0]).toMatchObject({ channel: 'trang', memberIds: expect.any(Array) });
  });

  it('derives a stable user id from a name', async () => {
    const first = await t.admin('/_platform/users', { displayName: 'ลุงมี' });
    const second = await t.admin('/_platform/users', { displayName: 'ลุงมี' });
    expect(first.json.userId).toMatch(/^U[0-9a-f]{32}$/);
    expect(second.json.userId).toBe(first.json.userId);
  });

  it('reset forgets records and tokens but keeps users', async () => {
    const event = await t.event({ type: 'follow' });
    await t.admin('/_platform/reset', {});
    expect((await t.admin('/_platform/requests')).json).toEqual([]);
    expect((await t.admin('/_platform/messages')).json).toEqual([]);
    const answer = await t.line('/v2/bot/message/reply', {
      replyToken: event.replyToken,
      messages: [{ type: 'text', text: 'x' }],
    });
    expect(answer.status).toBe(400);
    expect((await t.admin('/_platform/users')).json.length).toBeGreaterThanOrEqual(4);
  });

  it('serves the chat page and its scripts', async () => {
    const page = await fetch(`${t.url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('lang="th"');
    for (const [, src] of html.matchAll(/(?:src|href)="(\/chat\/[^"]+)"/g)) {
      expect((await fetch(`${t.url}${src}`)).status, src).toBe(200);
    }
    const app = await fetch(`${t.url}/chat/app.js`);
    expect(app.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${t.url}/chat/..%2fserver.ts`)).status).toBe(404);
  });
});
