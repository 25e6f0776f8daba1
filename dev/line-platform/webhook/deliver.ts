import type { DemoOrganization } from '../../demo-organizations';
import type { Platform } from '../context';
import { signBody } from '../signature';
import type { SentWebhook } from '../state';
import { chatIdOf, type Source } from './build-events';

/** A built and signed webhook: what LINE would POST to `path`. */
export interface SignedWebhook {
  path: string;
  body: string;
  signature: string;
}

/** What became of a webhook: the worker's status and answer, or (status 0) why it was not reached. */
export type Delivery =
  | { kind: 'built'; webhook: SignedWebhook }
  | { kind: 'no-worker'; webhook: SignedWebhook }
  | { kind: 'delivered'; webhook: SignedWebhook; status: number; responseBody: string }
  | { kind: 'unreachable'; webhook: SignedWebhook; error: string };

/**
 * Signs built events as one webhook of `channel`, records them in the webhook log (what the chat page
 * shows) and, unless `deliver` is false, POSTs them to the worker as LINE would.
 */
export async function sendWebhook(
  platform: Platform,
  channel: DemoOrganization,
  events: Record<string, unknown>[],
  options: { deliver?: boolean; displayText?: string } = {},
): Promise<Delivery> {
  const body = JSON.stringify({ destination: channel.botUserId, events });
  const webhook: SignedWebhook = {
    path: `/webhook/${channel.slug}`,
    body,
    signature: signBody(channel.channelSecret, body),
  };
  const displayText = options.displayText === undefined ? {} : { displayText: options.displayText };
  const logged: SentWebhook[] = events.map((event) => ({
    seq: platform.state.nextSeq(),
    at: Date.now(),
    channel: channel.slug,
    chatId: chatIdOf(event.source as Source),
    event,
    ...displayText,
  }));
  platform.state.webhooks.push(...logged);

  if (options.deliver === false || (options.deliver === undefined && !platform.workerUrl))
    return { kind: 'built', webhook };
  if (!platform.workerUrl) return { kind: 'no-worker', webhook };
  try {
    const response = await fetch(platform.workerUrl + webhook.path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'LineBotWebhook/2.0',
        'x-line-signature': webhook.signature,
      },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const responseBody = await response.text();
    for (const entry of logged) entry.status = response.status;
    return { kind: 'delivered', webhook, status: response.status, responseBody };
  } catch (error) {
    for (const entry of logged) entry.status = 0;
    // Status 0 is what LINE's webhook test reports when the bot could not be reached at all.
    const message =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { kind: 'unreachable', webhook, error: message };
  }
}
