import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Db } from '../db/client';
import { lineDeliveries } from '../../schema/tables/core';

export type LineMessage = messagingApi.Message;

/** A call to the Messaging API that LINE refused or that failed in transit. */
export class LineApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly operation: string,
  ) {
    super(`LINE ${operation} failed with ${status}: ${body.slice(0, 300)}`);
    this.name = 'LineApiError';
  }

  /** LINE answers 400 "Invalid reply token" for used or expired tokens: retrying cannot help. */
  get invalidReplyToken(): boolean {
    return this.status === 400 && /invalid reply token/i.test(this.body);
  }

  /**
   * LINE answers 429 "You have reached your monthly limit." once the month's billable messages are used
   * up: pushes fail until the month turns or the plan changes, while replies still go out.
   */
  get quotaExhausted(): boolean {
    return this.status === 429 && /monthly limit/i.test(this.body);
  }
}

export interface LineGatewayConfig {
  db: Db;
  orgId: number;
  accessToken: string;
  apiBase: string;
  dataApiBase: string;
  now?: () => number;
  /**
   * Keep delivery-log rows in memory until `drainDeliveryLog()` instead of writing each at once: the
   * inbox writes them in the same D1 batch that completes the event (one round trip instead of two).
   */
  deferLog?: boolean;
}

export type DeliveryLogRow = typeof lineDeliveries.$inferInsert;

/**
 * Every outgoing call to LINE goes through here: one place to log deliveries (and bill them), translate
 * errors, and later put a durable outbox with retries. Built per unit of work, never cached.
 */
export function createLineGateway(config: LineGatewayConfig) {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: config.accessToken,
    baseURL: config.apiBase,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: config.accessToken,
    baseURL: config.dataApiBase,
  });
  const now = config.now ?? Date.now;
  const pending: DeliveryLogRow[] = [];

  async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HTTPFetchError) throw new LineApiError(error.status, error.body, operation);
      throw error;
    }
  }

  async function deliver(
    kind: 'reply' | 'push' | 'multicast',
    recipients: number,
    messages: LineMessage[],
    run: () => Promise<unknown>,
  ): Promise<void> {
    let error: unknown;
    try {
      await call(kind, run);
    } catch (caught) {
      error = caught;
    }
    const row: DeliveryLogRow = {
      orgId: config.orgId,
      kind,
      // Replies are free; pushes bill one per recipient (a group push bills per member, counted by LINE).
      recipients,
      messageCount: messages.length,
      status: error ? 'failed' : 'sent',
      error: error ? String((error as Error).message).slice(0, 500) : null,
      createdAt: now(),
    };
    if (config.deferLog) pending.push(row);
    else await config.db.insert(lineDeliveries).values(row);
    if (error) throw error;
  }

  return {
    /** The delivery-log rows kept back under `deferLog`, emptied. */
    drainDeliveryLog: () => pending.splice(0, pending.length),

    reply: (replyToken: string, messages: LineMessage[]) =>
      deliver('reply', 1, messages, () => client.replyMessage({ replyToken, messages })),

    push: (to: string, messages: LineMessage[], retryKey?: string) =>
      deliver('push', 1, messages, () => client.pushMessage({ to, messages }, retryKey)),

    multicast: (to: string[], messages: LineMessage[], retryKey?: string) =>
      deliver('multicast', to.length, messages, () => client.multicast({ to, messages }, retryKey)),

    /** The "typing" animation in a 1:1 chat while slow work runs (ignored by LINE for groups). */
    showLoading: (chatId: string, loadingSeconds = 10) =>
      call('loading', () => client.showLoadingAnimation({ chatId, loadingSeconds })),

    getProfile: (userId: string) => call('profile', () => client.getProfile(userId)),

    /** The bytes of an image/file a user sent; a web stream, so it can be piped straight to storage. */
    getContent: (messageId: string) =>
      call('content', async () => {
        const url = `${config.dataApiBase}/v2/bot/message/${encodeURIComponent(messageId)}/content`;
        const response = await fetch(url, { headers: { authorization: `Bearer ${config.accessToken}` } });
        if (!response.ok) throw new LineApiError(response.status, await response.text(), 'content');
        return response;
      }),

    getQuota: () => call('quota', () => client.getMessageQuota()),

    /** Billable messages sent this month, as LINE counts them against the quota. */
    getQuotaConsumption: () => call('quota', () => client.getMessageQuotaConsumption()),

    /** Rich menus (worker/orgs/rich-menus.ts): none of these calls is billed. */
    richMenu: {
      create: (menu: messagingApi.RichMenuRequest) =>
        call('richmenu', async () => (await client.createRichMenu(menu)).richMenuId),
      uploadImage: (richMenuId: string, png: Blob) =>
        call('richmenu', () => blob.setRichMenuImage(richMenuId, png)),
      setDefault: (richMenuId: string) => call('richmenu', () => client.setDefaultRichMenu(richMenuId)),
      remove: (richMenuId: string) => call('richmenu', () => client.deleteRichMenu(richMenuId)),
      link: (userId: string, richMenuId: string) =>
        call('richmenu', () => client.linkRichMenuIdToUser(userId, richMenuId)),
      unlink: (userId: string) => call('richmenu', () => client.unlinkRichMenuIdFromUser(userId)),
    },
  };
}

export type LineGateway = ReturnType<typeof createLineGateway>;
