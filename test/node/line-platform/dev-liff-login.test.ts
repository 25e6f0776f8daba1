import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResidents } from '../../../dev/line-platform/demo-people';
import { loginChannelId } from '../../../dev/line-platform/login/id-token';
import { newUserId, platformForTests, trang } from './helpers';

// The local LINE Login for LIFF pages on `npm start` (the LIFF's dev login on LINE's @line/liff-mock):
// the login page, the ID and access tokens; liff.sendMessages is in liff-share.test.ts.
let t: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  t = await platformForTests();
});
afterAll(() => t.platform.close());

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('the local LINE Login for LIFF pages', () => {
  it('mints a token for a LIFF app’s channel and person, verifiable with the published key', async () => {
    const userId = newUserId();
    const answer = await t.admin('/_platform/liff-token', { liffId: trang.liffId, userId });
    expect(answer.status).toBe(200);
    expect(answer.json.accessToken).toMatch(/^[\w-]{32}$/);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const [head = '', body = '', sig = ''] = String(answer.json.idToken).split('.');
    const jwks = await t.admin('/oauth2/v2.1/certs');
    const jwk = jwks.json.keys.find((k: { kid: string }) => k.kid === decode(head).kid);
    const ok = verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
      Buffer.from(sig, 'base64url'),
    );
    expect(ok).toBe(true);
    expect(decode(body)).toMatchObject({
      sub: userId,
      aud: loginChannelId(trang),
      iss: 'https://access.line.me',
    });
  });

  it('refuses an unknown LIFF app, a malformed user and a redirect that is not a web page', async () => {
    expect((await t.admin('/_platform/liff-token', { liffId: 'nope', userId: newUserId() })).status).toBe(
      400,
    );
    expect((await t.admin('/_platform/liff-token', { liffId: trang.liffId, userId: 'x' })).status).toBe(400);
    const chat = { liffId: trang.liffId, userId: newUserId(), chat: 'external' };
    expect((await t.admin('/_platform/liff-token', chat)).status).toBe(400);
    const login = (back: string) =>
      fetch(`${t.url}/liff/login?liffId=${trang.liffId}&redirectUri=${encodeURIComponent(back)}`);
    expect((await login('javascript:alert(1)')).status).toBe(400);
    const page = await login('http://127.0.0.1:8787/o/trang/track');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`http://127.0.0.1:8787/o/trang/track#dev-liff-user=${demoResidents[0]!.userId}`);
    expect(html).toContain(demoResidents[0]!.displayName);
  });
});
