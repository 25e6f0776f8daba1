import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lampang, newUserId, platformForTests, trang } from './helpers';

let t: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  t = await platformForTests();
});
afterAll(() => t.platform.close());

const quickReply = (count: number) => ({
  items: Array.from({ length: count }, (_, index) => ({
    type: 'action',
    action: { type: 'message', label: `ตัวเลือก ${index}`, text: `ตัวเลือก ${index}` },
  })),
});

async function replyTokenFor(userId = newUserId()) {
  const event = await t.event({ type: 'message', message: { type: 'text', text: 'สวัสดี' } }, { userId });
  return event.replyToken as string;
}

describe('POST /v2/bot/message/reply', () => {
  it('accepts a text reply with quick replies, records it as free and delivers it', async () => {
    const userId = newUserId();
    const replyToken = await replyTokenFor(userId);
    const messages = [{ type: 'text', text: 'เลือกเรื่องที่ต้องการ', quickReply: quickReply(13) }];
    const answer = await t.line('/v2/bot/message/reply', { replyToken, messages });
    expect(answer.status).toBe(200);
    expect(answer.json.sentMessages).toEqual([
      { id: expect.stringMatching(/^\d+$/), quoteToken: expect.any(String) },
    ]);
    expect(answer.headers.get('x-line-request-id')).toBeTruthy();

    const [recorded] = (await t.admin(`/_platform/requests?chat=${userId}`)).json;
    expect(recorded).toMatchObject({
      channel: 'trang',
      method: 'POST',
      path: '/v2/bot/message/reply',
      status: 200,
      kind: 'reply',
      chatIds: [userId],
      messages,
      billable: 0,
    });
    const delivered = (await t.admin(`/_platform/messages?channel=trang&chat=${userId}`)).json;
    expect(delivered).toEqual([
      expect.objectContaining({ channel: 'trang', chatId: userId, via: 'reply', message: messages[0] }),
    ]);
  });

  it('refuses a reply token used twice', async () => {
    const replyToken = await replyTokenFor();
    const messages = [{ type: 'text', text: 'ครั้งแรก' }];
    expect((await t.line('/v2/bot/message/reply', { replyToken, messages })).status).toBe(200);
    const again = await t.line('/v2/bot/message/reply', { replyToken, messages });
    expect(again).toMatchObject({ status: 400, json: { message: 'Invalid reply token' } });
  });

  it('refuses unknown reply tokens and tokens of another channel', async () => {
    const messages = [{ type: 'text', text: 'x' }];
    const unknown = await t.line('/v2/bot/message/reply', { replyToken: 'f'.repeat(32), messages });
    expect(unknown).toMatchObject({ status: 400, json: { message: 'Invalid reply token' } });
    const replyToken = await replyTokenFor();
    const other = await t.line('/v2/bot/message/reply', { replyToken, messages }, lampang.channelAccessToken);
    expect(other).toMatchObject({ status: 400, json: { message: 'Invalid reply token' } });
    // Still usable by its own channel: the refused attempt did not consume it.
    expect((await t.line('/v2/bot/message/reply', { replyToken, messages })).status).toBe(200);
  });

  it('refuses an expired reply token', async () => {
    const short = await platformForTests({ replyTokenTtlMs: 20 });
    try {
      const event = await short.event({ type: 'follow' });
      await new Promise((resolve) => setTimeout(resolve, 40));
      const answer = await short.line('/v2/bot/message/reply', {
        replyToken: event.replyToken,
        messages: [{ type: 'text', text: 'ช้าไป' }],
      });
      expect(answer).toMatchObject({ status: 400, json: { message: 'Invalid reply token' } });
    } finally {
      await short.platform.close();
    }
  });

  it('answers 401 to an unknown access token, and records it', async () => {
    const answer = await t.line('/v2/bot/message/reply', { replyToken: 'x', messages: [] }, 'not-a-token');
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
    });
    const requests = (await t.admin('/_platform/requests')).json;
    expect(requests.at(-1)).toMatchObject({ channel: null, status: 401, kind: 'reply' });
  });

  it('accepts quote tokens it issued to the channel and refuses others', async () => {
    const event = await t.event({ type: 'message', message: { type: 'text', text: 'ข้อความต้นทาง' } });
    const quoted = { type: 'text', text: 'ตอบกลับ', quoteToken: event.message.quoteToken };
    const ok = await t.line('/v2/bot/message/reply', { replyToken: event.replyToken, messages: [quoted] });
    expect(ok.status).toBe(200);
    const replyToken = await replyTokenFor();
    const bad = await t.line('/v2/bot/message/reply', {
      replyToken,
      messages: [{ type: 'text', text: 'x', quoteToken: 'made-up' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toEqual([
      { message: 'Invalid quote token', property: 'messages[0].quoteToken' },
    ]);
  });

  it('uses the channel of the token for everything', async () => {
    const event = await t.event({ type: 'follow' }, { userId: newUserId() }, lampang.slug);
    const answer = await t.line(
      '/v2/bot/message/reply',
      { replyToken: event.replyToken, messages: [{ type: 'text', text: 'ยินดีต้อนรับ' }] },
      lampang.channelAccessToken,
    );
    expect(answer.status).toBe(200);
    const requests = (await t.admin('/_platform/requests?channel=lampang')).json;
    expect(requests.at(-1)).toMatchObject({ channel: 'lampang', status: 200 });
    expect(trang.slug).not.toBe(lampang.slug);
  });
});
