import { fromBase64, toBase64 } from './base64';
import type { Keyring } from './secret-box';

/**
 * Keyed hashes (HMAC-SHA256) for values we must recognise but never store: a LINE user id that keys a
 * complaint draft, the PIN of an anonymous report. The HMAC key is derived from the data key by HKDF
 * with a purpose label, so a hash made for one purpose says nothing about another, and nobody without
 * the data key can test guesses against a stolen table.
 */
export type HashPurpose =
  | 'complaint-draft-person'
  | 'complaint-form-draft'
  | 'complaint-pin'
  | 'complaint-reply-person'
  | 'complaint-owner'
  | 'track-guard'
  | 'staff-person'
  | 'staff-invite'
  | 'evidence-link'
  | 'case-rating'
  | 'case-info-person'
  | 'after-photo-link'
  | 'rating-comment-person';

const encoder = new TextEncoder();
// Derived keys per base key and purpose; derivation is pure, so per-isolate caching is safe.
const derived = new WeakMap<CryptoKey, Map<HashPurpose, Promise<CryptoKey>>>();

function hmacKey(base: CryptoKey, purpose: HashPurpose): Promise<CryptoKey> {
  let byPurpose = derived.get(base);
  if (!byPurpose) {
    byPurpose = new Map();
    derived.set(base, byPurpose);
  }
  let key = byPurpose.get(purpose);
  if (!key) {
    key = crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(0),
        info: encoder.encode(`integrity-line:${purpose}`),
      },
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
    byPurpose.set(purpose, key);
  }
  return key;
}

async function mac(base: CryptoKey, purpose: HashPurpose, message: Uint8Array<ArrayBuffer>): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(base, purpose), message);
  return toBase64(new Uint8Array(signature)).replace(/=+$/, '');
}

/**
 * The keyed hashes of `value` under every key of the keyring, current key first: a lookup matches any
 * of them, so values hashed before a key rotation are still found while the old key is kept.
 */
export async function keyedHashes(keyring: Keyring, purpose: HashPurpose, value: string): Promise<string[]> {
  const ids = [keyring.currentId, ...[...keyring.hkdfKeys.keys()].filter((id) => id !== keyring.currentId)];
  const message = new Uint8Array(encoder.encode(value));
  return Promise.all(ids.map((id) => mac(keyring.hkdfKeys.get(id)!, purpose, message)));
}

/** A salted keyed hash of a secret (a PIN): `k1.<keyId>.<salt>.<mac>`; the secret itself is not kept. */
export async function saltedHash(keyring: Keyring, purpose: HashPurpose, secret: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const digest = await mac(keyring.hkdfKeys.get(keyring.currentId)!, purpose, salted(salt, secret));
  return `k1.${keyring.currentId}.${toBase64(salt)}.${digest}`;
}

/** True when `secret` is what `stored` (from saltedHash) was made of. */
export async function verifySaltedHash(
  keyring: Keyring,
  purpose: HashPurpose,
  secret: string,
  stored: string,
): Promise<boolean> {
  const [version, keyId, salt, expected] = stored.split('.');
  const base = keyId ? keyring.hkdfKeys.get(keyId) : undefined;
  if (version !== 'k1' || !base || !salt || !expected) return false;
  const actual = await mac(base, purpose, salted(fromBase64(salt), secret));
  // Compare digests of both so the comparison time says nothing about where they differ.
  const [a, b] = await Promise.all(
    [actual, expected].map(async (v) =>
      toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(v)))),
    ),
  );
  return a === b;
}

function salted(salt: Uint8Array, secret: string): Uint8Array<ArrayBuffer> {
  const tail = encoder.encode(secret);
  const out = new Uint8Array(salt.length + tail.length);
  out.set(salt);
  out.set(tail, salt.length);
  return out;
}
