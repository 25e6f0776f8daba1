import { type Keyring, open, seal } from '../crypto/secret-box';

/** The context strings bind each sealed credential to its organisation and purpose. */
export const credentialContext = {
  secret: (orgId: number) => `line-channel-secret:${orgId}`,
  token: (orgId: number) => `line-access-token:${orgId}`,
};

/** Opens the channel secret (for signature checks). */
export function openChannelSecret(keyring: Keyring, orgId: number, sealed: string): Promise<string> {
  return open(keyring, sealed, credentialContext.secret(orgId));
}

/** Opens the channel access token (for calls to LINE). */
export function openAccessToken(keyring: Keyring, orgId: number, sealed: string): Promise<string> {
  return open(keyring, sealed, credentialContext.token(orgId));
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
