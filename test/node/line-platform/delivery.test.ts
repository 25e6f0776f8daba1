import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateSignature } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUserId, platformForTests, trang } from './helpers';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let t: Awaited<ReturnType<typeof platformForTests>>;
let worker: Server;
const received: Received[] = [];

beforeAll(async () => {
  // A tiny stand-in for the worker: records what arrives and answers like the real one.
  worker = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(req.url === '/webhook/lampang' ? 500 : 200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => worker.listen(0, '127.0.0.1', resolve));
  const { port } = worker.address() as AddressInfo;
  t = await platformForTests({ workerUrl: `http://127.0.0.1:${port}/` });
});
afterAll(async () => {
  await t.platform.close();
  await new Promise((resolve) => worker.close(resolve));
});

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('webhook delivery', () => {
  it('POSTs the signed body to the worker and reports its answer', async () => {
    const userId = newUserId();
    const answer = await t.admin('/_platform/webhook', {
      channel: 'trang',
      source: { type: 'user', userId },
      events: [{ type: 'message', message: { type: 'text', text: 'แจ้งเรื่องถนนชำรุด' } }],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 200, responseBody: '{"ok":true}' });
    const arrived = received.at(-1)!;
    expect(arrived.path).toBe('/webhook/trang');
    expect(arrived.body).toBe(answer.json.webhook.body);
    expect(arrived.headers['content-type']).toMatch(/^application\/json/);
    const signature = String(arrived.headers['x-line-signature']);
    expect(validateSignature(arrived.body, trang.channelSecret, signature)).toBe(true);
    expect(JSON.parse(arrived.body).events[0]).toMatchObject({
      source: { userId },
      replyToken: expect.any(String),
    });

    const log = (await t.admin(`/_platform/webhooks?chat=${userId}`)).json;
    expect(log).toEqual([expect.objectContaining({ channel: 'trang', chatId: userId, status: 200 })]);
  });

  it("passes on the worker's error status", async () => {
    const answer = await t.admin('/_platform/webhook', {
      channel: 'lampang',
      source: { userId: newUserId() },
      events: [{ type: 'follow' }],
    });
    expect(answer.json.status).toBe(500);
  });

  it('serves the bytes of an image message through GET content', async () => {
    const event = await t.event({
      type: 'message',
      message: { type: 'image', contentBase64: png.toString('base64'), contentType: 'image/png' },
    });
    expect(event.message).toMatchObject({ type: 'image', contentProvider: { type: 'line' } });
    expect(event.message.contentBase64).toBeUndefined();
    const response = await fetch(`${t.url}/v2/bot/message/${event.message.id}/content`, {
      headers: { authorization: `Bearer ${trang.channelAccessToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    // Content belongs to the channel the user sent it to.
    expect(
      (await t.line(`/v2/bot/message/${event.message.id}/content`, undefined, 'dev-token-lampang')).status,
    ).toBe(404);
  });

  it('serves uploaded content and 404s unknown ids', async () => {
    const upload = await t.admin('/_platform/content', { base64: 'aGVsbG8=', contentType: 'text/plain' });
    const response = await fetch(`${t.url}/v2/bot/message/${upload.json.messageId}/content`, {
      headers: { authorization: `Bearer ${trang.channelAccessToken}` },
    });
    expect(await response.text()).toBe('hello');
    const missing = await t.line('/v2/bot/message/1234/content');
    expect(missing).toMatchObject({ status: 404, json: { message: 'Not found' } });
  });
});
