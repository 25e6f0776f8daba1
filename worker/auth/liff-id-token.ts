import { fromBase64 } from '../crypto/base64';
import type { Env } from '../env';
import { AppError } from '../errors';
import { jwksKey } from './jwks';

/** Who a verified LIFF ID token says is using the page. */
export interface LiffIdentity {
  userId: string;
  displayName: string | null;
}

/** The issuer of every LINE Login ID token. */
export const LINE_LOGIN_ISSUER = 'https://access.line.me';
/** Clocks of phones, LINE and Cloudflare disagree a little. */
export const CLOCK_SKEW_SEC = 60;

/** Why a token was refused (answered in `details.reason`; never says more than which check failed). */
export type TokenRefusal =
  | 'missing'
  | 'malformed'
  | 'unsupported_alg'
  | 'unknown_key'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  | 'issued_in_future'
  | 'bad_subject';

/** The 401 every refused token gets: one Thai message for the page, the failed check for developers. */
export function unauthorized(reason: TokenRefusal): AppError {
  return new AppError('unauthorized', 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ กรุณาปิดหน้านี้แล้วเปิดจาก LINE อีกครั้ง', { reason });
}

const USER_ID = /^U[0-9a-f]{32}$/;

/**
 * The identity in a token's claims, or why they are not acceptable: issued by LINE Login for this
 * channel, not expired, not issued in the future, about a LINE user. Pure (tested as a table).
 */
export function checkClaims(payload: unknown, channelId: string, nowMs: number): LiffIdentity | TokenRefusal {
  if (typeof payload !== 'object' || payload === null) return 'malformed';
  const claims = payload as Record<string, unknown>;
  const now = nowMs / 1000;
  if (claims.iss !== LINE_LOGIN_ISSUER) return 'wrong_issuer';
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!channelId || !audience.includes(channelId)) return 'wrong_audience';
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SEC <= now) return 'expired';
  if (typeof claims.iat !== 'number' || claims.iat - CLOCK_SKEW_SEC > now) return 'issued_in_future';
  if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) return 'bad_subject';
  return {
    userId: claims.sub,
    displayName: typeof claims.name === 'string' && claims.name ? claims.name : null,
  };
}

function base64url(part: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new Error('not base64url');
  const padded = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
  return fromBase64(padded);
}

function decodeJson(part: string): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(base64url(part)));
}

const encoder = new TextEncoder();

/** Verifies a LIFF ID token (JWT, ES256) for the LINE Login channel `channelId`; throws AppError('unauthorized'). */
export async function verifyLiffIdToken(
  env: Pick<Env, 'LINE_LOGIN_JWKS_URL'>,
  token: string,
  channelId: string,
  now: number = Date.now(),
): Promise<LiffIdentity> {
  if (!token) throw unauthorized('missing');
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 8192) throw unauthorized('malformed');
  const [head = '', body = '', sig = ''] = parts;
  let header: { alg?: unknown; kid?: unknown } | null;
  try {
    header = decodeJson(head) as typeof header;
  } catch {
    throw unauthorized('malformed');
  }
  if (typeof header !== 'object' || header === null) throw unauthorized('malformed');
  // Only ES256: "none" and HS256 (a MAC keyed with the public key) are the classic forgeries.
  if (header.alg !== 'ES256') throw unauthorized('unsupported_alg');
  if (typeof header.kid !== 'string' || !header.kid) throw unauthorized('unknown_key');
  let payload: unknown;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    payload = decodeJson(body);
    signature = base64url(sig);
  } catch {
    throw unauthorized('malformed');
  }

  const key = await jwksKey(env.LINE_LOGIN_JWKS_URL, header.kid, now);
  if (!key) throw unauthorized('unknown_key');
  // JWS carries ECDSA signatures as raw r||s (64 bytes for P-256), which is what WebCrypto verifies.
  const valid =
    signature.length === 64 &&
    (await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      signature,
      encoder.encode(`${head}.${body}`),
    ));
  if (!valid) throw unauthorized('bad_signature');

  const identity = checkClaims(payload, channelId, now);
  if (typeof identity === 'string') throw unauthorized(identity);
  return identity;
}
