import { fromBase64, toBase64, toHex } from './base64';

/**
 * Envelope encryption for data that must never sit in D1 as plain text (channel credentials, inbox
 * payloads, reporter identities). AES-256-GCM with a random 96-bit IV per value.
 *
 * Sealed format: `v1.<keyId>.<iv b64>.<ciphertext b64>`. keyId is the first 8 hex digits of SHA-256 of
 * the raw key, so a value names the key that sealed it and rotation can keep old keys readable
 * (DATA_KEY_PREVIOUS) while new writes use DATA_KEY.
 *
 * `context` is bound as AES-GCM additional data: a value sealed for one row or purpose cannot be
 * copied into another and still open.
 */
export interface Keyring {
  currentId: string;
  keys: Map<string, CryptoKey>;
  /** The same keys as HKDF base keys, for keyed hashes derived per purpose (worker/crypto/keyed-hash). */
  hkdfKeys: Map<string, CryptoKey>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const importCache = new Map<string, Promise<ImportedKey>>();

interface ImportedKey {
  id: string;
  key: CryptoKey;
  hkdf: CryptoKey;
}

function importKey(base64Key: string): Promise<ImportedKey> {
  let cached = importCache.get(base64Key);
  if (!cached) {
    cached = (async () => {
      const raw = fromBase64(base64Key.trim());
      if (raw.length !== 32) throw new Error('data key must be 32 bytes, base64-encoded');
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
      const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
      const hkdf = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
      return { id: toHex(digest).slice(0, 8), key, hkdf };
    })();
    // Key import is pure: caching the promise per isolate saves a digest and an import per request.
    importCache.set(base64Key, cached);
  }
  return cached;
}

/** Builds the keyring from the current key and optional comma-separated previous keys. */
export async function createKeyring(current: string, previous?: string): Promise<Keyring> {
  if (!current) throw new Error('DATA_KEY is not set');
  const head = await importKey(current);
  const keys = new Map([[head.id, head.key]]);
  const hkdfKeys = new Map([[head.id, head.hkdf]]);
  for (const old of (previous ?? '').split(',').filter((k) => k.trim())) {
    const entry = await importKey(old);
    keys.set(entry.id, entry.key);
    hkdfKeys.set(entry.id, entry.hkdf);
  }
  return { currentId: head.id, keys, hkdfKeys };
}

/** Encrypts `plaintext` with the current key, bound to `context`. */
export async function seal(keyring: Keyring, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = keyring.keys.get(keyring.currentId)!;
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plaintext),
  );
  return `v1.${keyring.currentId}.${toBase64(iv)}.${toBase64(new Uint8Array(cipher))}`;
}

/** Decrypts a sealed value; throws if the key is unknown, the context differs or the value was altered. */
export async function open(keyring: Keyring, sealed: string, context: string): Promise<string> {
  const [version, keyId, iv, cipher] = sealed.split('.');
  if (version !== 'v1' || !keyId || !iv || !cipher) throw new Error('not a sealed value');
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`sealed with unknown key ${keyId}`);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(context) },
    key,
    fromBase64(cipher),
  );
  return decoder.decode(plain);
}

/** True when a sealed value was written with an older key and should be re-sealed. */
export function isStale(keyring: Keyring, sealed: string): boolean {
  return sealed.split('.')[1] !== keyring.currentId;
}
