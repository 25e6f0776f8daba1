import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { useOrg } from '../fixtures/demo-org';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { provisionStatements } from '../../worker/orgs/provision';
import { callWorker, signBody, tableCounts } from './support/worker';
import { allRows, runBatch } from './support/db';

const org = useOrg('chanthaburi');
const textEvent = {
  type: 'message',
  mode: 'active',
  timestamp: 1_700_000_000_000,
  source: { type: 'user', userId: `U${'a'.repeat(32)}` },
  webhookEventId: '01HSECURITYTEST00000000000',
  deliveryContext: { isRedelivery: false },
  replyToken: 'not-issued-by-line',
  message: { type: 'text', id: '1', text: 'สวัสดี' },
};
const body = JSON.stringify({ destination: org.botUserId, events: [textEvent] });

function post(slug: string, payload: string, headers: Record<string, string>) {
  return callWorker(`/webhook/${slug}`, { method: 'POST', body: payload, headers });
}

describe('webhook: refused requests write nothing', () => {
  it.each([
    [
      'a wrong signature',
      async () => ({ 'x-line-signature': await signBody('0'.repeat(32), body) }),
      body,
      401,
    ],
    ['no signature', async () => ({}), body, 401],
    [
      'a signature of another body',
      async () => ({ 'x-line-signature': await signBody(org.channelSecret, '{}') }),
      body,
      401,
    ],
  ])('%s → %i', async (_name, headers, payload, status) => {
    const before = await tableCounts();
    const response = await post(org.slug, payload, await headers());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_signature' } });
    expect(await tableCounts()).toEqual(before);
  });

  it('an unknown organisation → 404', async () => {
    const before = await tableCounts();
    const response = await post('no-such-org', body, {
      'x-line-signature': await signBody(org.channelSecret, body),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'org_not_found' } });
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['not JSON', 'this is not json', 'invalid_json'],
    ['JSON but not a webhook body', '{"hello":"world"}', 'bad_request'],
    ['events that are not objects', '{"destination":"U1","events":[1,2]}', 'bad_request'],
  ])('%s (correctly signed) → 400', async (_name, payload, code) => {
    const before = await tableCounts();
    const response = await post(org.slug, payload, {
      'x-line-signature': await signBody(org.channelSecret, payload),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code } });
    expect(await tableCounts()).toEqual(before);
  });

  it('an oversize body → 413', async () => {
    const before = await tableCounts();
    const payload = JSON.stringify({ destination: 'U1', events: [], pad: 'x'.repeat(1024 * 1024) });
    const response = await post(org.slug, payload, {
      'x-line-signature': await signBody(org.channelSecret, payload),
    });
    expect(response.status).toBe(413);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("webhook: LINE's own signature example", () => {
  beforeAll(async () => {
    // An organisation whose channel secret is the one from LINE's documentation.
    const statements = await provisionStatements(
      await keyringFromEnv(env),
      {
        id: 99,
        slug: 'line-docs-example',
        name: 'องค์การบริหารส่วนตำบลตัวอย่าง',
        kind: 'sao',
        province: 'กรุงเทพมหานคร',
        channelId: '1',
        channelSecret: '8c570fa6dd201bb328f1c1eac23a96d8',
        channelAccessToken: 'unused',
      },
      Date.now(),
    );
    await runBatch(statements);
  });

  it('the console Verify request (events: []) with the documented signature gets 200 and writes nothing', async () => {
    const before = await tableCounts();
    const response = await post(
      'line-docs-example',
      '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}',
      {
        'x-line-signature': 'GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=',
      },
    );
    expect(response.status).toBe(200);
    expect(await tableCounts()).toEqual(before);
  });

  it('the stored channel secret is sealed, not plain text', async () => {
    const rows = await allRows<{
      secret_sealed: string;
      access_token_sealed: string;
    }>('select secret_sealed, access_token_sealed from line_channels');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('8c570fa6dd201bb328f1c1eac23a96d8');
    for (const o of demoOrganizations) {
      expect(dump).not.toContain(o.channelSecret);
      expect(dump).not.toContain(o.channelAccessToken);
    }
  });
});
