import type { WebhookEvent } from '../../schema/contracts/line-webhook';

/**
 * What a handler needs to know about an event beyond its envelope, read once per event. The envelope
 * is parsed with zod once (dispatch.ts); these fields are then checked by hand with the same rules as
 * `textMessageEvent` and `postbackEvent` (schema/contracts/line-webhook.ts), because running those schemas again
 * in every handler was a measurable share of a message's CPU (docs/benchmarks.md).
 */
export interface EventInput {
  /** The text of a text message, as LINE sent it; null for anything else. */
  text: string | null;
  /** The data of a postback; null for anything else. */
  postbackData: string | null;
  /** The type of a message that has an id ('text', 'image', 'file', 'video', …); null for other events. */
  messageType: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringRecord = (value: unknown) =>
  isRecord(value) && Object.values(value).every((v) => typeof v === 'string');

/** Reads the text, the postback data and the message type of an event whose envelope is parsed. */
export function readInput(event: WebhookEvent): EventInput {
  const input: EventInput = { text: null, postbackData: null, messageType: null };
  if (event.type === 'message') {
    const message = (event as { message?: unknown }).message;
    if (isRecord(message) && typeof message.type === 'string' && typeof message.id === 'string') {
      input.messageType = message.type;
      if (message.type === 'text' && typeof message.text === 'string') input.text = message.text;
    }
  } else if (event.type === 'postback') {
    const postback = (event as { postback?: unknown }).postback;
    if (
      isRecord(postback) &&
      typeof postback.data === 'string' &&
      (postback.params === undefined || isStringRecord(postback.params))
    ) {
      input.postbackData = postback.data;
    }
  }
  return input;
}
