import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { DemoOrganization } from '../../demo-organizations';

/** One ES256 signing key of the emulated LINE Login, published in the JWKS under `kid`. */
export interface LoginKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, string>;
}

/** Issuer of every LINE Login ID token. */
export const ID_TOKEN_ISSUER = 'https://access.line.me';

/** A fresh P-256 key pair and its public JWK (what LINE publishes at /oauth2/v2.1/certs). */
export function newLoginKey(): LoginKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomBytes(16).toString('hex');
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateKey,
    jwk: { kty: kty!, crv: crv!, x: x!, y: y!, kid, alg: 'ES256', use: 'sig' },
  };
}

/**
 * The LINE Login channel id of a channel's LIFF app: a LIFF id is `<loginChannelId>-<suffix>`, and
 * the ID tokens LIFF hands out carry that channel id as their audience.
 */
export function loginChannelId(channel: Pick<DemoOrganization, 'liffId'>): string {
  return channel.liffId.split('-')[0] ?? '';
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A signed compact JWT (ES256; the signature is raw r||s, as JWS requires). */
export function signJwt(key: LoginKey, payload: Record<string, unknown>): string {
  const input = `${part({ typ: 'JWT', alg: 'ES256', kid: key.kid })}.${part(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** The claims LINE puts in a LIFF ID token (profile and openid scopes). */
export function idTokenClaims(args: {
  audience: string;
  userId: string;
  displayName: string;
  nowSec: number;
  expiresInSec: number;
}): Record<string, unknown> {
  return {
    iss: ID_TOKEN_ISSUER,
    sub: args.userId,
    aud: args.audience,
    exp: args.nowSec + args.expiresInSec,
    iat: args.nowSec,
    amr: ['linesso'],
    name: args.displayName,
  };
}
