import { fromBase64 } from './base64';

const encoder = new TextEncoder();

// Imported HMAC keys per channel secret, for the isolate's life: importKey costs ~0.6 ms, on every webhook
// otherwise. Keyed by the secret itself, so a rotated secret simply gets a new entry; bounded, because one
// isolate may serve many organisations. Non-extractable: the key cannot be read back out.
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 256;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    // A failed import must not stay cached.
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Verifies LINE's `x-line-signature`: base64(HMAC-SHA256(channel secret, raw body)).
 * crypto.subtle.verify compares in constant time, so no timing side channel leaks the expected value.
 */
export async function verifyLineSignature(
  channelSecret: string,
  rawBody: BufferSource,
  signature: string | null | undefined,
): Promise<boolean> {
  if (!signature) return false;
  let sig: Uint8Array<ArrayBuffer>;
  try {
    sig = fromBase64(signature);
  } catch {
    return false;
  }
  if (sig.length !== 32) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(channelSecret), sig, rawBody);
}
