import { platformApi } from './line';

/** What the local platform's `POST /_platform/id-token` accepts (see dev/line-platform/README.md). */
export interface MintOptions {
  channel: string;
  userId: string;
  displayName?: string;
  expiresInSec?: number;
  kid?: string;
  claims?: Record<string, unknown>;
}

/** A LIFF ID token signed by the local platform's LINE Login key, as `liff.getIDToken()` returns it. */
export async function mintIdToken(options: MintOptions): Promise<string> {
  return (await platformApi<{ idToken: string }>('/_platform/id-token', options)).idToken;
}

/** The kid of the key the platform signs with by default. */
export async function platformKid(): Promise<string> {
  return (await platformApi<{ kids: string[] }>('/_platform/login-keys')).kids[0]!;
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const json = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

/** LINE-like claims for a token that expires in an hour. */
export function claimsFor(audience: string, userId: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'https://access.line.me',
    sub: userId,
    aud: audience,
    iat: now,
    exp: now + 3600,
    name: 'ปลอม',
  };
}

/** A token signed with a key of our own (not LINE's): a forgery, whatever kid it names. */
export async function forgeIdToken(
  claims: Record<string, unknown>,
  header: Record<string, unknown>,
): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const input = `${json({ typ: 'JWT', alg: 'ES256', ...header })}.${json(claims)}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    pair.privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${b64url(new Uint8Array(signature))}`;
}

/** An HS256 token (keyed with a guessable secret) or an unsigned "none" token. */
export async function unsignedOrHmacToken(
  claims: Record<string, unknown>,
  alg: 'none' | 'HS256',
  kid: string,
) {
  const input = `${json({ typ: 'JWT', alg, kid })}.${json(claims)}`;
  if (alg === 'none') return `${input}.`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode('public-key-as-secret'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input));
  return `${input}.${b64url(new Uint8Array(mac))}`;
}

/** Request headers carrying a LIFF ID token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
