import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../../dev/line-platform/signature';
import { newUserId, platformForTests, trang } from './helpers';

// liff.sendMessages on `npm start`: the LIFF's dev login posts where LINE's SDK posts
// (/message/v3/share, with the LIFF access token), and the platform delivers the messages to the bot
// as the person's own, through the same signed webhooks as the chat page.
const received: { body: string; signature: string }[] = [];
let worker: Server;
let t: Awaited<ReturnType<typeof platformForTests>>;

beforeAll(async () => {
  worker = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString(),
        signature: String(req.headers['x-line-signature']),
      });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => worker.listen(0, '127.0.0.1', resolve));
  t = await platformForTests({ workerUrl: `http://127.0.0.1:${(worker.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await t.platform.close();
  await new Promise((resolve) => worker.close(resolve));
});

const login = async (userId: string, chat?: string) =>
  (await t.admin('/_platform/liff-token', { liffId: trang.liffId, userId, ...(chat ? { chat } : {}) })).json
    .accessToken as string;

const share = (token: string, body: unknown) =>
  fetch(`${t.url}/message/v3/share`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('liff.sendMessages through the local LINE platform', () => {
  it('delivers the text to the bot as a message of the person, in their chat, with a reply token', async () => {
    const userId = newUserId();
    const answer = await share(await login(userId, 'utou'), {
      messages: [{ type: 'text', text: 'ขอใบรับเรื่อง ABCD-2345' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    await expect.poll(() => received.length).toBe(1);
    const [webhook] = received;
    expect(webhook!.signature).toBe(signBody(trang.channelSecret, Buffer.from(webhook!.body)));
    const { destination, events } = JSON.parse(webhook!.body);
    expect(destination).toBe(trang.botUserId);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'message',
        mode: 'active',
        source: { type: 'user', userId },
        replyToken: expect.stringMatching(/^[0-9a-f]{32}$/),
        message: expect.objectContaining({ type: 'text', text: 'ขอใบรับเรื่อง ABCD-2345' }),
      }),
    ]);
    // The chat page shows it as the person's own message.
    const log = await t.admin(`/_platform/webhooks?channel=${trang.slug}&chat=${userId}`);
    expect(log.json.map((e: { event: { message: { text: string } } }) => e.event.message.text)).toEqual([
      'ขอใบรับเรื่อง ABCD-2345',
    ]);
  });

  it('refuses an unknown token, a page outside LINE or opened from a group, and what it does not emulate', async () => {
    const before = received.length;
    const text = { messages: [{ type: 'text', text: 'x' }] };
    expect((await share('nope', text)).status).toBe(401);
    expect((await share(await login(newUserId()), text)).status).toBe(403);
    expect((await share(await login(newUserId(), 'group'), text)).status).toBe(403);
    const token = await login(newUserId(), 'utou');
    expect((await share(token, { messages: [] })).status).toBe(400);
    expect((await share(token, { messages: Array(6).fill(text.messages[0]) })).status).toBe(400);
    expect(
      (await share(token, { messages: [{ type: 'sticker', packageId: '1', stickerId: '1' }] })).status,
    ).toBe(400);
    expect((await share(token, { messages: [{ type: 'text', text: '' }] })).status).toBe(400);
    const preflight = await fetch(`${t.url}/message/v3/share`, { method: 'OPTIONS' });
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.length).toBe(before);
  });
});
