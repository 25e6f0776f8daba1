import { createHmac } from 'node:crypto';

/** The `x-line-signature` LINE sends: base64(HMAC-SHA256(channel secret, raw request body)). */
export function signBody(channelSecret: string, body: string | Uint8Array): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}
