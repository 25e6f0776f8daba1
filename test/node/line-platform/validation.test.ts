import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUserId, platformForTests } from './helpers';

let t: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  t = await platformForTests();
});
afterAll(() => t.platform.close());

// Replies with `messages` on a fresh token and returns LINE's answer.
async function reply(messages: unknown[]) {
  const event = await t.event({ type: 'message', message: { type: 'text', text: 'x' } });
  return t.line('/v2/bot/message/reply', { replyToken: event.replyToken, messages });
}

const item = (label: string) => ({ type: 'action', action: { type: 'message', label, text: label } });
const text = (value: string) => ({ type: 'text', text: value });
const bubble = (contents: unknown[]) => ({
  type: 'bubble',
  body: { type: 'box', layout: 'vertical', contents },
});

describe('request bodies are checked against messaging-api.yml and LINE limits', () => {
  it.each([
    ['an unknown message type', [{ type: 'fax', text: 'x' }], 'messages[0].type'],
    ['a text message without text', [{ type: 'text' }], 'messages[0].text'],
    ['six messages', Array.from({ length: 6 }, () => text('x')), 'messages'],
    ['no messages', [], 'messages'],
    ['text over 5000 characters', [text('ก'.repeat(5001))], 'messages[0].text'],
    [
      '14 quick reply items',
      [{ ...text('x'), quickReply: { items: Array(14).fill(item('a')) } }],
      'messages[0].quickReply.items',
    ],
    [
      'a quick reply label over 20 characters',
      [{ ...text('x'), quickReply: { items: [item('a'.repeat(21))] } }],
      'messages[0].quickReply.items[0].action.label',
    ],
    [
      'a quick reply without label',
      [{ ...text('x'), quickReply: { items: [{ type: 'action', action: { type: 'message', text: 'a' } }] } }],
      'messages[0].quickReply.items[0].action.label',
    ],
    [
      'postback data over 300 characters',
      [
        {
          ...text('x'),
          quickReply: {
            items: [{ type: 'action', action: { type: 'postback', label: 'a', data: 'd'.repeat(301) } }],
          },
        },
      ],
      'messages[0].quickReply.items[0].action.data',
    ],
    [
      'an unknown action type',
      [
        {
          ...text('x'),
          quickReply: { items: [{ type: 'action', action: { type: 'teleport', label: 'a' } }] },
        },
      ],
      'messages[0].quickReply.items[0].action.type',
    ],
    [
      'a flex component of unknown type',
      [{ type: 'flex', altText: 'x', contents: bubble([{ type: 'marquee', text: 'x' }]) }],
      'messages[0].contents.body.contents[0].type',
    ],
    [
      'a flex box without layout',
      [{ type: 'flex', altText: 'x', contents: { type: 'bubble', body: { type: 'box', contents: [] } } }],
      'messages[0].contents.body.layout',
    ],
    ['a flex message without altText', [{ type: 'flex', contents: bubble([]) }], 'messages[0].altText'],
    [
      'an http image',
      [
        {
          type: 'image',
          originalContentUrl: 'http://example.com/a.jpg',
          previewImageUrl: 'https://example.com/a.jpg',
        },
      ],
      'messages[0].originalContentUrl',
    ],
    [
      'a confirm template with one action',
      [
        {
          type: 'template',
          altText: 'x',
          template: { type: 'confirm', text: 'ok?', actions: [{ type: 'message', label: 'y', text: 'y' }] },
        },
      ],
      'messages[0].template.actions',
    ],
  ])('refuses %s', async (_name, messages, property) => {
    const answer = await reply(messages);
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(`The request body has ${answer.json.details.length} error(s)`);
    expect(answer.json.details).toContainEqual({ message: expect.any(String), property });
  });

  it('counts labels in grapheme clusters, as LINE does: 20 Thai characters with marks fit', async () => {
    const label = 'ที่นี่มีน้ำใจไม่ทิ้งกันนะจ๊ะ'; // 20 clusters, 28 code points
    expect([...label].length).toBeGreaterThan(20);
    expect((await reply([{ ...text('x'), quickReply: { items: [item(label)] } }])).status).toBe(200);
  });

  it('accepts a Flex carousel using every common component', async () => {
    const components = [
      { type: 'text', text: 'หัวเรื่อง', weight: 'bold', size: 'xl', color: '#111111', wrap: true },
      {
        type: 'text',
        contents: [
          { type: 'span', text: 'สถานะ: ', weight: 'bold' },
          { type: 'span', text: 'รับเรื่อง' },
        ],
      },
      {
        type: 'box',
        layout: 'baseline',
        contents: [
          { type: 'icon', url: 'https://example.com/i.png' },
          { type: 'text', text: 'ก' },
        ],
      },
      { type: 'separator', margin: 'md' },
      { type: 'filler' },
      {
        type: 'image',
        url: 'https://example.com/a.png',
        size: 'full',
        aspectRatio: '20:13',
        aspectMode: 'cover',
      },
      {
        type: 'button',
        style: 'primary',
        action: { type: 'postback', label: 'ติดตาม', data: 'track=1', displayText: 'ติดตาม' },
      },
      { type: 'button', style: 'link', action: { type: 'uri', label: 'เว็บไซต์', uri: 'https://example.com' } },
    ];
    const carousel = {
      type: 'carousel',
      contents: [bubble(components), { ...bubble(components), size: 'kilo' }],
    };
    const answer = await reply([{ type: 'flex', altText: 'เรื่องของคุณ', contents: carousel }]);
    expect(answer.json).toMatchObject({ sentMessages: [{ id: expect.any(String) }] });
    expect(answer.status).toBe(200);
  });

  it('checks the loading animation body', async () => {
    const ok = await t.line('/v2/bot/chat/loading/start', { chatId: newUserId(), loadingSeconds: 10 });
    expect(ok).toMatchObject({ status: 202, json: {} });
    const bad = await t.line('/v2/bot/chat/loading/start', { chatId: newUserId(), loadingSeconds: 7 });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toContainEqual({ message: expect.any(String), property: 'loadingSeconds' });
    const requests = (await t.admin('/_platform/requests?kind=loading')).json;
    expect(requests.map((request: { status: number }) => request.status)).toEqual([202, 400]);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${t.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-token-trang', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });
});
