import { openVaultEntry, type VaultRow } from '../complaints/vault';
import { keyedHashes } from '../crypto/keyed-hash';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { LineApiError, type LineGateway, type LineMessage } from '../line/gateway';
import { uuidFrom } from '../line/retry-key';
import { awaitReply } from './reply-waits';

/**
 * ONE OF THE TWO READERS OF THE IDENTITY VAULT (docs/privacy.md; the other is reporter-contact.ts,
 * integrity officers' audited view of a confidential reporter): sends messages to the complainant of a
 * case as the organisation's account. The LINE user id is opened here, used for the push and for the keyed
 * hash that recognises the complainant's answer, and never returned, stored in plain or logged.
 * Callers (the complainant-notice outbox) compose the messages without any identity and learn only
 * how the push went.
 */
export interface NotifierDeps {
  db: Db;
  keyring: Keyring;
  line: Pick<LineGateway, 'push'>;
  orgId: number;
  now: number;
}

/** Keyed hashes that recognise a complainant's answer from their LINE user id (current key first). */
export const replyPersonKeys = (keyring: Keyring, orgId: number, lineUserId: string) =>
  keyedHashes(keyring, 'complaint-reply-person', `${orgId}:${lineUserId}`);

/**
 * How a push to a complainant went: sent (or sent before under this retry key), refused for the month's
 * quota, failed (network, 5xx, 429, other refusals: worth retrying), or unreachable for good (the case
 * keeps no LINE identity).
 */
export type PushOutcome =
  | { kind: 'sent' }
  | { kind: 'quota' }
  | { kind: 'failed'; status: number }
  | { kind: 'unreachable' };

/**
 * Pushes `messages` (at most 5, one request: one billable message) to the complainant of a case.
 * `retryKey` makes a repeated call deliver once. For each staff id in `awaitReplyBy`, the complainant's
 * next message in this chat is taken as the answer and forwarded to them.
 */
export async function pushToComplainant(
  deps: NotifierDeps,
  complaintId: number,
  messages: LineMessage[],
  options: { retryKey: string; awaitReplyBy: number[] },
): Promise<PushOutcome> {
  const { db, orgId } = deps;
  const row = await db.$client
    .prepare(
      `select v.id, v.sealed from complaints c join identity_vault v on v.id = c.vault_id
       where c.id = ? and c.org_id = ?`,
    )
    .bind(complaintId, orgId)
    .first<VaultRow>();
  if (!row) return { kind: 'unreachable' };
  const { lineUserId } = await openVaultEntry(deps.keyring, orgId, row);
  if (!lineUserId) return { kind: 'unreachable' };
  try {
    await deps.line.push(lineUserId, messages, await uuidFrom(options.retryKey));
  } catch (error) {
    const status = error instanceof LineApiError ? error.status : 0;
    if (error instanceof LineApiError && error.quotaExhausted) return { kind: 'quota' };
    // 409: this retry key went out before.
    if (status !== 409) {
      console.error('message to complainant failed', { orgId, complaintId, status });
      return { kind: 'failed', status };
    }
  }
  if (options.awaitReplyBy.length > 0) {
    const [personKey] = await replyPersonKeys(deps.keyring, orgId, lineUserId);
    // The latest question wins: its asker gets the answer.
    const askedBy = options.awaitReplyBy[options.awaitReplyBy.length - 1]!;
    await awaitReply(db, { orgId, personKey: personKey!, complaintId, askedBy, now: deps.now });
  }
  return { kind: 'sent' };
}
