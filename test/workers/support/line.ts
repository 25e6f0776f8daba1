import { expect } from 'vitest';
import { callWorker, linePlatformUrl } from './worker';

export interface SentMessage {
  seq: number;
  chatId: string;
  via: 'reply' | 'push' | 'multicast';
  // biome-ignore lint/suspicious/noExplicitAny: LINE message objects are asserted field by field in tests.
  message: any;
}

interface RecordedRequest {
  seq: number;
  status: number;
  kind: string;
  chatIds: string[];
  billable: number;
  error?: unknown;
}

export type Source =
  | { type: 'user'; userId: string }
  | { type: 'group'; groupId: string; userId?: string }
  | { type: 'room'; roomId: string; userId?: string };

/** Calls the local LINE platform's admin API. */
export async function platformApi<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${linePlatformUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`platform ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** A fresh LINE user id (U + 32 hex), so concurrent test files never share a chat. */
export function newUserId(): string {
  return `U${crypto.randomUUID().replace(/-/g, '')}`;
}

/**
 * A conversation with the bot of one organisation, driven through the local LINE platform: it builds
 * and signs each webhook, the test posts it to the worker (running in this runtime) and waits for the
 * work done after answering, then reads what the bot sent. Any request the platform rejected for this
 * chat (schema-invalid message, bad reply token, …) fails the exchange.
 */
export function conversation(channel: string, source: Source) {
  const chatId =
    source.type === 'user' ? source.userId : source.type === 'group' ? source.groupId : source.roomId;
  let lastSeq = 0;

  async function send(events: unknown[], extra: Record<string, unknown> = {}): Promise<SentMessage[]> {
    const built = await platformApi<{ webhook: { path: string; body: string; signature: string } }>(
      '/_platform/webhook',
      { channel, source, events, deliver: false, ...extra },
    );
    const before = lastSeq;
    const response = await callWorker(built.webhook.path, {
      method: 'POST',
      body: built.webhook.body,
      headers: { 'content-type': 'application/json', 'x-line-signature': built.webhook.signature },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const requests = await platformApi<RecordedRequest[]>(
      `/_platform/requests?channel=${channel}&chat=${chatId}&since=${before}`,
    );
    const rejected = requests.filter((r) => r.status >= 400);
    if (rejected.length > 0) {
      throw new Error(`LINE platform rejected the bot's request: ${JSON.stringify(rejected, null, 2)}`);
    }
    const messages = await platformApi<SentMessage[]>(
      `/_platform/messages?channel=${channel}&chat=${chatId}&since=${before}`,
    );
    lastSeq = Math.max(lastSeq, ...requests.map((r) => r.seq), ...messages.map((m) => m.seq));
    return messages;
  }

  return {
    chatId,
    send,
    say: (text: string) => send([{ type: 'message', message: { type: 'text', text } }]),
    postback: (data: string, params?: Record<string, string>) =>
      send([{ type: 'postback', postback: { data, ...(params ? { params } : {}) } }]),
    follow: () => send([{ type: 'follow' }]),
    /**
     * Takes the platform's requests for this chat up to `seq` as seen: for a test that expects LINE to
     * refuse pushes to this chat meanwhile (the month's quota), so the next exchange does not fail on them.
     */
    catchUp: (seq: number) => {
      lastSeq = Math.max(lastSeq, seq);
    },
  };
}

/** The texts of a reply's quick-reply buttons. */
export function quickReplyLabels(message: SentMessage['message']): string[] {
  return (message.quickReply?.items ?? []).map((item: { action: { label: string } }) => item.action.label);
}
