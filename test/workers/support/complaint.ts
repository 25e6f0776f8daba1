import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { keyedHashes } from '../../../worker/crypto/keyed-hash';
import { keyringFromEnv } from '../../../worker/crypto/keyring';
import type { conversation, SentMessage } from './line';
import { firstRow } from './db';

type Chat = ReturnType<typeof conversation>;
// biome-ignore lint/suspicious/noExplicitAny: LINE action objects are read field by field.
type Action = any;

/** Every tappable action in messages: quick-reply chips and Flex buttons, with their labels. */
export function actionsIn(messages: SentMessage[]): Action[] {
  const out: Action[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Flex JSON is walked generically.
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'button' && node.action) out.push(node.action);
    for (const value of Object.values(node)) walk(value);
  };
  for (const m of messages) {
    for (const item of m.message.quickReply?.items ?? []) out.push(item.action);
    if (m.message.type === 'flex') walk(m.message.contents);
  }
  return out;
}

/** The labels of every tappable action. */
export const labelsIn = (messages: SentMessage[]) => actionsIn(messages).map((a) => a.label);

/** Every text in messages (text messages, Flex texts, alt texts). */
export function textOf(messages: SentMessage[]): string {
  const out: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Flex JSON is walked generically.
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') out.push(node.text);
    if (typeof node.altText === 'string') out.push(node.altText);
    for (const [key, value] of Object.entries(node)) if (key !== 'quickReply') walk(value);
  };
  for (const m of messages) walk(m.message);
  return out.join('\n');
}

/**
 * Taps the action labelled `label` in the bot's last answer, as a person would: a postback chip posts
 * back its data (with picker params), a message chip says its text.
 */
export async function tap(
  chat: Chat,
  last: SentMessage[],
  label: string,
  params?: Record<string, string>,
): Promise<SentMessage[]> {
  const action = actionsIn(last).find((a) => a.label === label);
  if (!action) throw new Error(`no button "${label}" among: ${labelsIn(last).join(', ')}`);
  if (action.type === 'message') return chat.say(action.text);
  if (action.type === 'postback' || action.type === 'datetimepicker')
    return chat.postback(action.data, params);
  throw new Error(`cannot tap a ${action.type} action`);
}

/** A raw image message event for the platform (base64 content). */
export function imageEvent(b64: string, imageSet?: { id: string; index: number; total: number }) {
  return {
    type: 'message',
    message: {
      type: 'image',
      contentBase64: b64,
      contentType: 'image/jpeg',
      ...(imageSet ? { imageSet } : {}),
    },
  };
}

/** A video and a voice message event (content the bot refuses), for the platform. */
export const videoEvent = {
  type: 'message',
  message: { type: 'video', contentBase64: 'AAAA', contentType: 'video/mp4' },
};
export const audioEvent = {
  type: 'message',
  message: { type: 'audio', contentBase64: 'AAAA', contentType: 'audio/m4a' },
};

/** The person's active draft row, found the way the worker finds it (keyed hash, never the id). */
export async function activeDraft(orgId: number, userId: string) {
  const keyring = await keyringFromEnv(env);
  const [key] = await keyedHashes(keyring, 'complaint-draft-person', `${orgId}:${userId}`);
  return firstRow<{
    id: string;
    step: string;
    version: number;
    data: string;
    paused: number;
    last_active_at: number;
  }>("select * from complaint_drafts where org_id = ? and person_key = ? and state = 'active'", orgId, key);
}

/** The last complaint filed in an organisation. */
export function lastComplaint(orgId: number) {
  // biome-ignore lint/suspicious/noExplicitAny: a row of many columns, asserted field by field.
  return firstRow<any>('select * from complaints where org_id = ? order by id desc limit 1', orgId);
}

/** Asserts a reply is one text whose text contains every fragment. */
export function expectText(messages: SentMessage[], ...fragments: string[]) {
  const text = textOf(messages);
  for (const fragment of fragments) expect(text).toContain(fragment);
}

/**
 * A person in a chat who remembers the bot's last answer, so buttons can be tapped by label. `since`
 * (a platform sequence number) skips what was said before, for a second driver of the same chat.
 */
export function person(chat: Chat, options: { since?: number } = {}) {
  let last: SentMessage[] = [];
  let seq = options.since ?? 0;
  const keep = (messages: SentMessage[]) => {
    last = messages.filter((m) => m.seq > seq);
    seq = Math.max(seq, ...messages.map((m) => m.seq));
    return last;
  };
  return {
    chat,
    get last() {
      return last;
    },
    get seq() {
      return seq;
    },
    say: async (text: string) => keep(await chat.say(text)),
    tap: async (label: string, params?: Record<string, string>) => keep(await tap(chat, last, label, params)),
    send: async (events: unknown[]) => keep(await chat.send(events)),
  };
}
export type Person = ReturnType<typeof person>;
