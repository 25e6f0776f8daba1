import type { DemoOrganization } from '../../demo-organizations';
import type { Platform } from '../context';
import { isObject } from '../http';
import { GROUP_ID, messageId, quoteToken, ROOM_ID, ulid, USER_ID } from '../ids';

export type Source =
  | { type: 'user'; userId: string }
  | { type: 'group'; groupId: string; userId?: string }
  | { type: 'room'; roomId: string; userId?: string };

export interface BuildOptions {
  channel: DemoOrganization;
  source?: Source;
  mode: 'active' | 'standby';
  isRedelivery: boolean;
}

/** Raised for admin input that cannot become a webhook event; the route answers 400 with its message. */
export class BuildError extends Error {}

// Event types that carry a replyToken (webhook.yml, plus LINE Things events which it does not model).
const REPLYABLE = new Set([
  'message',
  'follow',
  'join',
  'memberJoined',
  'postback',
  'videoPlayComplete',
  'beacon',
  'accountLink',
  'membership',
  'things',
]);
// Message types with a quoteToken, and those whose bytes GET .../content serves.
const QUOTABLE = new Set(['text', 'image', 'video', 'sticker']);
const DEFAULT_CONTENT_TYPE: Record<string, string> = {
  image: 'image/png',
  video: 'video/mp4',
  audio: 'audio/m4a',
  file: 'application/octet-stream',
};
// A 1x1 PNG, for image events built without content, so GET content still has something to serve.
const PLACEHOLDER_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Checks an admin-supplied source; `{userId}` alone is short for a user source. */
export function parseSource(input: unknown): Source {
  if (!isObject(input)) throw new BuildError('source must be an object');
  const userId = input.userId === undefined ? undefined : String(input.userId);
  if (userId !== undefined && !USER_ID.test(userId)) throw new BuildError('source.userId must be U + 32 hex');
  const withUser = userId ? { userId } : {};
  const type = input.type ?? (input.groupId ? 'group' : input.roomId ? 'room' : 'user');
  if (type === 'user') {
    if (!userId) throw new BuildError('a user source needs userId');
    return { type, userId };
  }
  if (type === 'group') {
    const groupId = String(input.groupId);
    if (!GROUP_ID.test(groupId)) throw new BuildError('source.groupId must be C + 32 hex');
    return { type, groupId, ...withUser };
  }
  if (type === 'room') {
    const roomId = String(input.roomId);
    if (!ROOM_ID.test(roomId)) throw new BuildError('source.roomId must be R + 32 hex');
    return { type, roomId, ...withUser };
  }
  throw new BuildError('source.type must be user, group or room');
}

/** The chat a source stands for: where a reply to this event goes. */
export function chatIdOf(source: Source): string {
  if (source.type === 'group') return source.groupId;
  if (source.type === 'room') return source.roomId;
  return source.userId;
}

/**
 * Completes a partial event (`{type:'message', message:{type:'text', text}}`, `{type:'follow'}`, or any
 * invented object) into what LINE would send: mode, timestamp, source, webhookEventId, deliveryContext,
 * a replyToken for the types that have one, and message ids, quote tokens and stored content.
 */
export function buildEvent(
  platform: Platform,
  partial: unknown,
  options: BuildOptions,
): Record<string, unknown> {
  if (!isObject(partial) || typeof partial.type !== 'string') throw new BuildError('each event needs a type');
  const { replyToken: wantsToken, source: ownSource, ...fields } = partial;
  const source = ownSource === undefined ? options.source : parseSource(ownSource);
  if (!source) throw new BuildError('source is required (on the request or on the event)');
  const slug = options.channel.slug;
  const event: Record<string, unknown> = { ...fields };
  if (event.type === 'message') event.message = buildMessage(platform, slug, fields.message);
  if (event.type === 'postback' && !isObject(event.postback)) throw new BuildError('postback needs {data}');
  if (event.type === 'follow') event.follow ??= { isUnblocked: false };
  if (event.type === 'memberJoined') event.joined ??= { members: memberOf(source) };
  if (event.type === 'memberLeft') event.left ??= { members: memberOf(source) };
  Object.assign(event, {
    mode: options.mode,
    timestamp: typeof fields.timestamp === 'number' ? fields.timestamp : Date.now(),
    source,
    webhookEventId: ulid(),
    deliveryContext: { isRedelivery: options.isRedelivery },
  });
  // LINE sends no reply token in standby mode: another channel owns the conversation.
  const replyable = wantsToken === true || (wantsToken !== false && REPLYABLE.has(partial.type));
  if (typeof wantsToken === 'string') event.replyToken = wantsToken;
  else if (replyable && options.mode === 'active') {
    event.replyToken = platform.state.issueReplyToken(slug, chatIdOf(source), platform.replyTokenTtlMs);
  }
  return event;
}

function memberOf(source: Source) {
  return source.userId ? [{ type: 'user', userId: source.userId }] : [];
}

function buildMessage(platform: Platform, channel: string, input: unknown): Record<string, unknown> {
  if (!isObject(input) || typeof input.type !== 'string') throw new BuildError('message needs a type');
  const { contentBase64, contentType, ...rest } = input;
  const type = input.type;
  const message: Record<string, unknown> = {
    ...rest,
    id: typeof rest.id === 'string' ? rest.id : messageId(),
  };
  if (type === 'text' && typeof message.text !== 'string') throw new BuildError('a text message needs text');
  if (type === 'sticker') message.stickerResourceType ??= 'STATIC';
  if (
    type === 'location' &&
    (typeof message.latitude !== 'number' || typeof message.longitude !== 'number')
  ) {
    throw new BuildError('a location message needs numeric latitude and longitude');
  }
  if (type in DEFAULT_CONTENT_TYPE) {
    const base64 =
      typeof contentBase64 === 'string' ? contentBase64 : type === 'image' ? PLACEHOLDER_PNG : '';
    const bytes = Buffer.from(base64, 'base64');
    const mime = typeof contentType === 'string' ? contentType : DEFAULT_CONTENT_TYPE[type]!;
    platform.state.content.set(String(message.id), { bytes, contentType: mime, channel });
    if (type === 'file') {
      message.fileName ??= 'file.bin';
      message.fileSize = bytes.length;
    } else message.contentProvider ??= { type: 'line' };
    if (type === 'video' || type === 'audio') message.duration ??= 10_000;
  }
  if (QUOTABLE.has(type)) {
    const token = typeof message.quoteToken === 'string' ? message.quoteToken : quoteToken();
    message.quoteToken = token;
    platform.state.quoteTokens.set(token, channel);
  }
  return message;
}
