import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lampang, newUserId, platformForTests, trang } from './helpers';

let t: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  t = await platformForTests();
});
afterAll(() => t.platform.close());

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** Verifies a compact ES256 JWT against a JWKS the way a relying party does. */
function verifyWith(keys: Record<string, string>[], token: string) {
  const [head = '', body = '', sig = ''] = token.split('.');
  const header = decode(head);
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) return { ok: false, header };
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
  return { ok, header, payload: decode(body) };
}

describe('LINE Login emulation', () => {
  it('publishes an ES256 P-256 key with a kid at /oauth2/v2.1/certs', async () => {
    const jwks = await t.admin('/oauth2/v2.1/certs');
    expect(jwks.status).toBe(200);
    expect(jwks.json.keys).toHaveLength(1);
    expect(jwks.json.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.json.keys[0].kid).toMatch(/^[0-9a-f]{32}$/);
    expect(jwks.json.keys[0]).not.toHaveProperty('d');
  });

  it('mints an ID token for a channel’s LIFF login channel, verifiable with the published key', async () => {
    const userId = newUserId();
    const minted = await t.admin('/_platform/id-token', { channel: 'trang', userId, displayName: 'มานี' });
    expect(minted.status).toBe(200);
    const { keys } = (await t.admin('/oauth2/v2.1/certs')).json;
    const checked = verifyWith(keys, minted.json.idToken);
    expect(checked.ok).toBe(true);
    expect(checked.header).toMatchObject({ alg: 'ES256', typ: 'JWT', kid: keys[0].kid });
    const now = Date.now() / 1000;
    expect(checked.payload).toMatchObject({
      iss: 'https://access.line.me',
      sub: userId,
      aud: trang.liffId.split('-')[0],
      name: 'มานี',
      amr: ['linesso'],
    });
    expect(checked.payload.exp - checked.payload.iat).toBe(3600);
    expect(Math.abs(checked.payload.iat - now)).toBeLessThan(5);
  });

  it('uses the known user’s name by default, another channel’s audience for another channel', async () => {
    const minted = await t.admin('/_platform/id-token', {
      channel: 'lampang',
      userId: 'Ua1e6c1d552a0d80662767236664fa1d7',
    });
    expect(decode(minted.json.idToken.split('.')[1]!)).toMatchObject({
      name: 'มานี',
      aud: lampang.liffId.split('-')[0],
    });
  });

  it('mints expired tokens and claim overrides, signed with the real key', async () => {
    const minted = await t.admin('/_platform/id-token', {
      channel: 'trang',
      userId: newUserId(),
      expiresInSec: -60,
      claims: { iss: 'https://elsewhere.example' },
    });
    const { keys } = (await t.admin('/oauth2/v2.1/certs')).json;
    const checked = verifyWith(keys, minted.json.idToken);
    expect(checked.ok).toBe(true);
    expect(checked.payload.exp).toBeLessThan(Date.now() / 1000);
    expect(checked.payload.iss).toBe('https://elsewhere.example');
  });

  it('adds a second key on request and signs with it only when asked by kid', async () => {
    const added = await t.admin('/_platform/login-keys', {});
    const listed = await t.admin('/_platform/login-keys');
    expect(listed.json.kids).toEqual([expect.any(String), added.json.kid]);
    expect((await t.admin('/oauth2/v2.1/certs')).json.keys).toHaveLength(2);
    const byDefault = await t.admin('/_platform/id-token', { channel: 'trang', userId: newUserId() });
    expect(byDefault.json.kid).toBe(listed.json.kids[0]);
    const rotated = await t.admin('/_platform/id-token', {
      channel: 'trang',
      userId: newUserId(),
      kid: added.json.kid,
    });
    const { keys } = (await t.admin('/oauth2/v2.1/certs')).json;
    expect(verifyWith(keys, rotated.json.idToken)).toMatchObject({
      ok: true,
      header: { kid: added.json.kid },
    });
    expect(listed.json.jwksFetches).toBeGreaterThan(0);
  });

  it.each([
    [{ channel: 'nowhere', userId: newUserId() }, 'Unknown channel: nowhere'],
    [{ channel: 'trang', userId: 'Unope' }, 'userId must be U + 32 hex'],
    [{ channel: 'trang', userId: newUserId(), expiresInSec: 1.5 }, expect.stringMatching(/^expiresInSec/)],
    [{ channel: 'trang', userId: newUserId(), kid: 'nope' }, 'Unknown kid: nope'],
    [{ channel: 'trang', userId: newUserId(), claims: 'x' }, 'claims must be an object'],
  ])('refuses %j', async (body, message) => {
    const answer = await t.admin('/_platform/id-token', body);
    expect(answer.status).toBe(400);
    expect(answer.json.message).toEqual(message);
  });
});
