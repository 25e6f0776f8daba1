import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { checkClaims, verifyLiffIdToken } from '../../worker/auth/liff-id-token';
import { loginChannelOf } from '../../worker/http/middleware/liff-user';
import {
  bearer,
  claimsFor,
  forgeIdToken,
  mintIdToken,
  platformKid,
  unsignedOrHmacToken,
} from './support/liff';
import { newUserId, platformApi } from './support/line';
import { callWorker, linePlatformUrl, testEnv } from './support/worker';

const trang = useOrg('trang');
const trangAud = trang.liffId.split('-')[0]!;
const certs = `${linePlatformUrl}/oauth2/v2.1/certs`;
// A JWKS URL of its own per test: the key cache is per URL, so every test starts cold.
const freshEnv = () => ({ LINE_LOGIN_JWKS_URL: `${certs}?t=${crypto.randomUUID()}` });
const jwksCalls = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([url]) => String(url).startsWith(certs)).length;

afterEach(() => vi.restoreAllMocks());

describe('checkClaims (pure)', () => {
  const now = 1_800_000_000_000;
  const sec = now / 1000;
  const user = 'U0123456789abcdef0123456789abcdef';
  const good = { iss: 'https://access.line.me', aud: '2000000002', sub: user, iat: sec - 10, exp: sec + 600 };
  it.each<[string, Record<string, unknown>, ReturnType<typeof checkClaims>]>([
    ['valid, with a name', { name: 'มานี' }, { userId: user, displayName: 'มานี' }],
    ['valid, without a name', {}, { userId: user, displayName: null }],
    ['aud as an array', { aud: ['x', '2000000002'] }, { userId: user, displayName: null }],
    ['expired within the skew still passes', { exp: sec - 30 }, { userId: user, displayName: null }],
    ['expired past the skew', { exp: sec - 61 }, 'expired'],
    ['no exp', { exp: undefined }, 'expired'],
    ['iat in the future past the skew', { iat: sec + 120 }, 'issued_in_future'],
    ['wrong issuer', { iss: 'https://evil.example' }, 'wrong_issuer'],
    ['another channel', { aud: '2000000004' }, 'wrong_audience'],
    ['not a LINE user id', { sub: 'someone' }, 'bad_subject'],
  ])('%s', (_name, change, expected) => {
    expect(checkClaims({ ...good, ...change }, '2000000002', now)).toEqual(expected);
  });
  it('refuses a payload that is not an object, and an empty channel id', () => {
    expect(checkClaims('x', '2000000002', now)).toBe('malformed');
    expect(checkClaims(good, '', now)).toBe('wrong_audience');
  });
  it('reads the login channel from a LIFF id', () => {
    expect(loginChannelOf('2000000002-trangcty')).toBe('2000000002');
    expect(loginChannelOf(null)).toBeNull();
    expect(loginChannelOf('nodash')).toBeNull();
  });
});

describe('verifyLiffIdToken against the local platform’s LINE Login keys', () => {
  it('accepts a token LINE Login signed for this channel', async () => {
    const userId = newUserId();
    const token = await mintIdToken({ channel: 'trang', userId, displayName: 'มานี' });
    expect(await verifyLiffIdToken(freshEnv(), token, trangAud)).toEqual({ userId, displayName: 'มานี' });
  });

  it.each<[string, () => Promise<string>, string]>([
    [
      'a forgery signed with another key under LINE’s kid',
      async () => forgeIdToken(claimsFor(trangAud, newUserId()), { kid: await platformKid() }),
      'bad_signature',
    ],
    [
      'alg none',
      async () => unsignedOrHmacToken(claimsFor(trangAud, newUserId()), 'none', await platformKid()),
      'unsupported_alg',
    ],
    [
      'HS256',
      async () => unsignedOrHmacToken(claimsFor(trangAud, newUserId()), 'HS256', await platformKid()),
      'unsupported_alg',
    ],
    [
      'another organisation’s LIFF app',
      () => mintIdToken({ channel: 'lampang', userId: newUserId() }),
      'wrong_audience',
    ],
    [
      'a wrong issuer',
      () =>
        mintIdToken({
          channel: 'trang',
          userId: newUserId(),
          claims: { iss: 'https://access.line.me.evil' },
        }),
      'wrong_issuer',
    ],
    [
      'an expired token',
      () => mintIdToken({ channel: 'trang', userId: newUserId(), expiresInSec: -120 }),
      'expired',
    ],
    [
      'a token from the future',
      () => mintIdToken({ channel: 'trang', userId: newUserId(), claims: { iat: Date.now() / 1000 + 600 } }),
      'issued_in_future',
    ],
    [
      'an unknown kid',
      () => forgeIdToken(claimsFor(trangAud, newUserId()), { kid: 'not-a-line-key' }),
      'unknown_key',
    ],
    ['no kid', () => forgeIdToken(claimsFor(trangAud, newUserId()), { kid: undefined }), 'unknown_key'],
    ['two parts', async () => 'abc.def', 'malformed'],
    ['garbage parts', async () => 'a.b.c', 'malformed'],
    ['a header that is not JSON', async () => `${btoa('{nope').replace(/=+$/, '')}.e30.AAAA`, 'malformed'],
  ])('refuses %s', async (_name, make, reason) => {
    await expect(verifyLiffIdToken(freshEnv(), await make(), trangAud)).rejects.toMatchObject({
      code: 'unauthorized',
      details: { reason },
    });
  });

  it('fetches the keys once and keeps them; an unknown kid refetches once, not on every request', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const env = freshEnv();
    const now = Date.now();
    for (let i = 0; i < 3; i++) {
      await verifyLiffIdToken(
        env,
        await mintIdToken({ channel: 'trang', userId: newUserId() }),
        trangAud,
        now,
      );
    }
    expect(jwksCalls(spy)).toBe(1);

    // Right after a fetch a made-up kid costs nothing more.
    const stranger = await forgeIdToken(claimsFor(trangAud, newUserId()), { kid: 'made-up' });
    await expect(verifyLiffIdToken(env, stranger, trangAud, now + 1000)).rejects.toMatchObject({
      details: { reason: 'unknown_key' },
    });
    expect(jwksCalls(spy)).toBe(1);
    // Later, LINE may have rotated: one refetch, then the cooldown again.
    await expect(verifyLiffIdToken(env, stranger, trangAud, now + 40_000)).rejects.toBeDefined();
    await expect(verifyLiffIdToken(env, stranger, trangAud, now + 41_000)).rejects.toBeDefined();
    expect(jwksCalls(spy)).toBe(2);
  });

  it('picks up a rotated key with one refetch', async () => {
    const env = freshEnv();
    const now = Date.now();
    await verifyLiffIdToken(env, await mintIdToken({ channel: 'trang', userId: newUserId() }), trangAud, now);
    const { kid } = await platformApi<{ kid: string }>('/_platform/login-keys', {});
    const spy = vi.spyOn(globalThis, 'fetch');
    const userId = newUserId();
    const rotated = await mintIdToken({ channel: 'trang', userId, kid });
    expect(await verifyLiffIdToken(env, rotated, trangAud, now + 60_000)).toMatchObject({ userId });
    expect(jwksCalls(spy)).toBe(1);
  });
});

describe('requireLiffUser, through the app', () => {
  const get = (slug: string, headers: Record<string, string> = {}) =>
    callWorker(`/api/orgs/${slug}/complaints/categories`, { headers });

  it('lets a verified person in', async () => {
    const token = await mintIdToken({ channel: 'trang', userId: newUserId() });
    const response = await get('trang', bearer(token));
    expect(response.status).toBe(200);
  });

  it.each<[string, () => Promise<Record<string, string>>, string]>([
    ['no Authorization header', async () => ({}), 'missing'],
    ['a Basic header', async () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 'missing'],
    ['a malformed token', async () => bearer('not.a.jwt'), 'malformed'],
    [
      'a forgery',
      async () => bearer(await forgeIdToken(claimsFor(trangAud, newUserId()), { kid: await platformKid() })),
      'bad_signature',
    ],
    [
      'another organisation’s token',
      async () => bearer(await mintIdToken({ channel: 'lampang', userId: newUserId() })),
      'wrong_audience',
    ],
  ])('answers 401 with the uniform error body for %s', async (_name, headers, reason) => {
    const response = await get('trang', await headers());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ กรุณาปิดหน้านี้แล้วเปิดจาก LINE อีกครั้ง',
        details: { reason },
      },
    });
  });

  it('answers 404 for an unknown organisation before looking at the token', async () => {
    const response = await get('nowhere');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('org_not_found');
  });

  it('reads LINE Login keys from LINE_LOGIN_JWKS_URL (the swap point)', () => {
    expect(testEnv.LINE_LOGIN_JWKS_URL).toBe(certs);
  });
});
