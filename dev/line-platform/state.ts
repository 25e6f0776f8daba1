import { replyToken as newReplyToken } from './ids';

export type RequestKind =
  | 'reply'
  | 'push'
  | 'multicast'
  | 'loading'
  | 'content'
  | 'profile'
  | 'group'
  | 'quota'
  | 'info'
  | 'richmenu'
  | 'other';

/** A Messaging API call the bot made, accepted or not. */
export interface RecordedRequest {
  seq: number;
  at: number;
  /** Slug of the channel whose access token was used; null when the token matched none. */
  channel: string | null;
  method: string;
  path: string;
  status: number;
  kind: RequestKind;
  chatIds: string[];
  messages?: unknown[];
  billable: number;
  error?: object;
  requestId: string;
  body?: unknown;
  /** Delivered, but the bot was answered 500 (an injected fault). */
  answerLost?: boolean;
}

export interface DeliveredMessage {
  seq: number;
  at: number;
  channel: string;
  chatId: string;
  via: 'reply' | 'push' | 'multicast';
  message: unknown;
  requestSeq: number;
}

export interface SentWebhook {
  seq: number;
  at: number;
  channel: string;
  chatId: string;
  event: Record<string, unknown>;
  /** Status the worker answered the delivery with; absent when the webhook was only built. */
  status?: number;
  /** What the chat page showed for a postback (LINE shows `displayText` but never sends it). */
  displayText?: string;
}

export interface KnownUser {
  userId: string;
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
  /** Only this channel knows the user; absent = every channel. */
  channel?: string;
}

export interface KnownGroup {
  channel: string;
  groupId: string;
  groupName: string;
  memberIds: string[];
  pictureUrl?: string;
}

interface ReplyTokenEntry {
  channel: string;
  chatId: string;
  expiresAt: number;
  used: boolean;
}

export interface AcceptedRetry {
  at: number;
  requestId: string;
  sentMessages: unknown[];
}

/** Everything the platform remembers. Plain maps and arrays: it lives as long as the process. */
/**
 * Deterministic faults for reliability tests (counted, never timed, so a test cannot depend on speed):
 * every Nth send fails with 500 and delivers nothing, every Rth is refused with 429 as LINE's rate limit
 * does, and every Mth is delivered but its answer is lost (500: the bot cannot know it went out).
 */
export interface Faults {
  /** The first k sends after the faults were set fail with 500. */
  failFirst?: number;
  failEvery?: number;
  rateLimitEvery?: number;
  loseAnswerEvery?: number;
}

/** A rich menu the bot created, with its image once uploaded. */
export interface StoredRichMenu {
  channel: string;
  menu: Record<string, unknown>;
  image?: { bytes: Buffer; contentType: string };
}

export class PlatformState {
  private seq = 0;
  requests: RecordedRequest[] = [];
  messages: DeliveredMessage[] = [];
  webhooks: SentWebhook[] = [];
  replyTokens = new Map<string, ReplyTokenEntry>();
  /** Quote tokens the platform issued, with their channel (LINE rejects tokens it did not issue). */
  quoteTokens = new Map<string, string>();
  retryKeys = new Map<string, AcceptedRetry>();
  users = new Map<string, KnownUser>();
  groups = new Map<string, KnownGroup>();
  content = new Map<string, { bytes: Buffer; contentType: string; channel?: string }>();
  /** Monthly target per channel; null = no limit ("none"). */
  quotas = new Map<string, number | null>();
  /** Injected faults per channel (configuration: kept by reset). See the README, "Faults". */
  faults = new Map<string, Faults>();
  /** Sends (push, multicast) per channel since its faults were set. */
  sendCounts = new Map<string, number>();
  /** Rich menus by id, each channel's default, and per-user links (`channel:userId`); kept by reset. */
  richMenus = new Map<string, StoredRichMenu>();
  defaultRichMenus = new Map<string, string>();
  userRichMenus = new Map<string, string>();

  /** One sequence for requests, delivered messages and webhooks, so a timeline can be merged by seq. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  issueReplyToken(channel: string, chatId: string, ttlMs: number, now = Date.now()): string {
    const token = newReplyToken();
    this.replyTokens.set(token, { channel, chatId, expiresAt: now + ttlMs, used: false });
    return token;
  }

  /** Marks a reply token used and returns its chat, or undefined when LINE would say "Invalid reply token". */
  useReplyToken(token: string, channel: string, now = Date.now()): string | undefined {
    const entry = this.replyTokens.get(token);
    if (!entry || entry.used || entry.channel !== channel || entry.expiresAt < now) return undefined;
    entry.used = true;
    return entry.chatId;
  }

  findUser(channel: string, userId: string): KnownUser | undefined {
    return this.users.get(`${channel}:${userId}`) ?? this.users.get(`*:${userId}`);
  }

  addUser(user: KnownUser): void {
    this.users.set(`${user.channel ?? '*'}:${user.userId}`, user);
  }

  findGroup(channel: string, groupId: string): KnownGroup | undefined {
    return this.groups.get(`${channel}:${groupId}`);
  }

  addGroup(group: KnownGroup): void {
    this.groups.set(`${group.channel}:${group.groupId}`, group);
  }

  /** Billable messages this month (since start or the last reset): what LINE counts against the quota. */
  consumption(channel: string): number {
    let total = 0;
    for (const request of this.requests) {
      if (request.channel === channel && request.status < 300) total += request.billable;
    }
    return total;
  }

  /** Forgets what happened (records, tokens, retry keys); keeps configuration (users, groups, content, quotas). */
  reset(): void {
    this.requests = [];
    this.messages = [];
    this.webhooks = [];
    this.replyTokens.clear();
    this.quoteTokens.clear();
    this.retryKeys.clear();
  }
}
