import { fromBase64 } from './base64';

const encoder = new TextEncoder();

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
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(channelSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify('HMAC', key, sig, rawBody);
}
