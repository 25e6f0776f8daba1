import { describe, expect, it } from 'vitest';
import { createKeyring, isStale, open, seal } from '../../worker/crypto/secret-box';
import { verifyLineSignature } from '../../worker/crypto/signature';

const enc = new TextEncoder();

describe('verifyLineSignature', () => {
  // The example from LINE's "Verify webhook signature" documentation.
  const body = '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}';
  const secret = '8c570fa6dd201bb328f1c1eac23a96d8';
  const signature = 'GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=';

  it.each([
    ['the official vector', secret, body, signature, true],
    ['a different secret', 'ffffffffffffffffffffffffffffffff', body, signature, false],
    ['a body altered by one byte', secret, body.replace('[]', '[ ]'), signature, false],
    ['a signature altered by one character', secret, body, signature.replace('G', 'H'), false],
    ['a missing signature', secret, body, null, false],
    ['an empty signature', secret, body, '', false],
    ['a signature that is not base64', secret, body, '!!!not-base64!!!', false],
    ['a truncated signature', secret, body, signature.slice(0, 20), false],
  ])('%s', async (_name, key, text, sig, expected) => {
    expect(await verifyLineSignature(key, enc.encode(text), sig)).toBe(expected);
  });
});

describe('secret box', () => {
  const keyA = btoa(String.fromCharCode(...new Uint8Array(32).fill(1)));
  const keyB = btoa(String.fromCharCode(...new Uint8Array(32).fill(2)));

  it('round-trips and never stores the plain text', async () => {
    const ring = await createKeyring(keyA);
    const sealed = await seal(ring, 'channel-secret-value', 'ctx:1');
    expect(sealed).not.toContain('channel-secret-value');
    expect(sealed.startsWith(`v1.${ring.currentId}.`)).toBe(true);
    expect(await open(ring, sealed, 'ctx:1')).toBe('channel-secret-value');
  });

  it('uses a fresh IV per value', async () => {
    const ring = await createKeyring(keyA);
    expect(await seal(ring, 'same', 'ctx')).not.toBe(await seal(ring, 'same', 'ctx'));
  });

  it('refuses a value moved to another context, altered, or sealed with an unknown key', async () => {
    const ring = await createKeyring(keyA);
    const sealed = await seal(ring, 'secret', 'org:1');
    await expect(open(ring, sealed, 'org:2')).rejects.toThrow();
    const parts = sealed.split('.');
    // Change the first character of the ciphertext (to one it is not: 'A' would be a no-op 1 time in 64).
    const first = parts[3]![0] === 'A' ? 'B' : 'A';
    const altered = [...parts.slice(0, 3), `${first}${parts[3]!.slice(1)}`].join('.');
    await expect(open(ring, altered, 'org:1')).rejects.toThrow();
    await expect(open(await createKeyring(keyB), sealed, 'org:1')).rejects.toThrow(/unknown key/);
    await expect(open(ring, 'plain text', 'org:1')).rejects.toThrow(/not a sealed value/);
  });

  it('rotates: old values open with DATA_KEY_PREVIOUS and are reported stale', async () => {
    const old = await createKeyring(keyA);
    const sealed = await seal(old, 'secret', 'ctx');
    const rotated = await createKeyring(keyB, keyA);
    expect(await open(rotated, sealed, 'ctx')).toBe('secret');
    expect(isStale(rotated, sealed)).toBe(true);
    expect(isStale(rotated, await seal(rotated, 'secret', 'ctx'))).toBe(false);
  });

  it('rejects a key of the wrong size', async () => {
    await expect(createKeyring(btoa('short'))).rejects.toThrow(/32 bytes/);
    await expect(createKeyring('')).rejects.toThrow(/DATA_KEY/);
  });
});
