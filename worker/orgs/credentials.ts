import { type Keyring, open, seal } from '../crypto/secret-box';

/** The context strings bind each sealed credential to its organisation and purpose. */
export const credentialContext = {
  secret: (orgId: number) => `line-channel-secret:${orgId}`,
  token: (orgId: number) => `line-access-token:${orgId}`,
};

// Opened credentials per isolate, keyed by the sealed value itself: a rotated credential has a new
// sealed value, so the cache never serves a stale one. Saves an AES-GCM open per webhook (measured).
const opened = new Map<string, Promise<string>>();
const MAX_CACHED = 256;

function openCached(keyring: Keyring, sealed: string, context: string): Promise<string> {
  const key = `${context}|${sealed}`;
  let value = opened.get(key);
  if (!value) {
    if (opened.size >= MAX_CACHED) opened.clear();
    value = open(keyring, sealed, context);
    value.catch(() => opened.delete(key));
    opened.set(key, value);
  }
  return value;
}

/** Opens the channel secret (for signature checks). */
export function openChannelSecret(keyring: Keyring, orgId: number, sealed: string): Promise<string> {
  return openCached(keyring, sealed, credentialContext.secret(orgId));
}

/** Opens the channel access token (for calls to LINE). */
export function openAccessToken(keyring: Keyring, orgId: number, sealed: string): Promise<string> {
  return openCached(keyring, sealed, credentialContext.token(orgId));
}

/** Seals both credentials of a channel for storage. */
export async function sealCredentials(
  keyring: Keyring,
  orgId: number,
  secret: string,
  token: string,
): Promise<{ secretSealed: string; accessTokenSealed: string }> {
  return {
    secretSealed: await seal(keyring, secret, credentialContext.secret(orgId)),
    accessTokenSealed: await seal(keyring, token, credentialContext.token(orgId)),
  };
}
