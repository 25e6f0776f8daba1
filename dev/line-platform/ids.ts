import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const USER_ID = /^U[0-9a-f]{32}$/;
export const GROUP_ID = /^C[0-9a-f]{32}$/;
export const ROOM_ID = /^R[0-9a-f]{32}$/;
/** Any id a push can target: a user, a group chat or a multi-person chat. */
export const CHAT_ID = /^[UCR][0-9a-f]{32}$/;
export const RETRY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 26-character ULID (time-ordered, Crockford base32), the format LINE uses for webhookEventId. */
export function ulid(now = Date.now()): string {
  let time = '';
  let rest = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  let random = '';
  for (const byte of randomBytes(16)) random += CROCKFORD[byte % 32];
  return time + random;
}

let messageCounter = 0;

/** A numeric string like LINE's message ids (18 digits, increasing). */
export function messageId(): string {
  messageCounter = (messageCounter + 1) % 100_000;
  return `${Date.now()}${String(messageCounter).padStart(5, '0')}`;
}

/** Reply tokens are 32 hex characters on LINE. */
export const replyToken = () => randomBytes(16).toString('hex');
export const quoteToken = () => randomBytes(48).toString('base64url');
export const requestId = () => randomUUID();

/** A user id derived from a name, so typing the same name in the chat page is the same user again. */
export function userIdFor(seed: string): string {
  return `U${createHash('sha256').update(`user:${seed}`).digest('hex').slice(0, 32)}`;
}
