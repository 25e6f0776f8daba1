import { env } from 'cloudflare:workers';
import { vaultContext } from '../../../worker/complaints/vault';
import { keyringFromEnv } from '../../../worker/crypto/keyring';
import { open } from '../../../worker/crypto/secret-box';
import type { TestOrg } from '../../fixtures/demo-org';
import { actionsIn, activeDraft, imageEvent, type Person, person } from './complaint';
import { base64, jpegWithMetadata } from './images';
import { conversation, newUserId, platformApi, type SentMessage } from './line';
import { callWorker } from './worker';
import { allRows, execute, firstRow } from './db';

/** A new resident of an organisation, chatting 1:1 with its bot. */
export function resident(slug: string, userId = newUserId()): Person & { userId: string } {
  return Object.assign(person(conversation(slug, { type: 'user', userId })), { userId });
}

/** A photo with camera and GPS metadata, base64 for the platform. */
export const photo = base64(jpegWithMetadata());

/** Drives a corruption report (procurement) up to the identity question, with optional photos. */
export async function upToIdentity(p: Person, story: string, photos = 0) {
  await p.say('ร้องเรียนการทุจริต');
  await p.tap('จัดซื้อจัดจ้าง');
  await p.say(story);
  await p.tap('ข้าม');
  if (photos > 0) {
    // The set moves the evidence step on by itself, once all of it has arrived.
    const id = `set${Date.now()}`;
    await p.send(
      Array.from({ length: photos }, (_, i) => imageEvent(photo, { id, index: i + 1, total: photos })),
    );
  } else await p.tap('ไม่มีหลักฐาน');
  await p.tap('ไม่ทราบ');
}

/** Drives a whole report to its summary card (anonymous corruption, or a general one without phone). */
export async function toSummary(p: Person, track: 'corruption' | 'grievance' = 'corruption') {
  if (track === 'corruption') {
    await p.say('ร้องเรียนการทุจริต');
    await p.tap('สินบน/เรียกรับเงิน');
    await p.say('เจ้าหน้าที่เรียกเงินใต้โต๊ะ 2,000 บาท เพื่ออนุมัติคำขอ');
    await p.tap('ข้าม');
    await p.tap('ไม่มีหลักฐาน');
    await p.tap('ไม่ทราบ');
    return p.tap('ไม่เปิดเผยตัวตน');
  }
  await p.say('ร้องทุกข์ทั่วไป');
  await p.tap('ไฟฟ้าส่องสว่าง');
  await p.say('ไฟถนนหน้าวัดดับทั้งซอย กลางคืนมืดมาก อันตราย');
  await p.tap('ข้าม');
  return p.tap('ไม่มีหลักฐาน');
}

/** The postback data of the summary's confirm button. */
export const confirmData = (summary: SentMessage[]): string =>
  actionsIn(summary).find((a) => a.label === 'ยืนยันส่งเรื่อง')!.data;

/** Makes the person's draft look untouched for `ms`. */
export async function idleFor(orgId: number, userId: string, ms: number) {
  const draft = (await activeDraft(orgId, userId))!;
  await execute('update complaint_drafts set last_active_at = ? where id = ?', Date.now() - ms, draft.id);
  return draft;
}

/** Complaints filed from one draft (there must never be more than one). */
export async function complaintsOf(draftId: string) {
  const rows = await allRows<{ code: string }>('select * from complaints where submission_key = ?', draftId);
  return rows;
}

/** Builds a signed webhook for one user through the platform without delivering it. */
export function buildWebhook(slug: string, userId: string, events: unknown[]) {
  return platformApi<{
    webhook: { path: string; body: string; signature: string };
    events: { webhookEventId: string }[];
  }>('/_platform/webhook', { channel: slug, source: { type: 'user', userId }, events, deliver: false });
}

/** Posts a built webhook to the worker and waits for its processing. */
export const deliver = (webhook: { path: string; body: string; signature: string }) =>
  callWorker(webhook.path, {
    method: 'POST',
    body: webhook.body,
    headers: { 'x-line-signature': webhook.signature },
  });

/** Messages the bot sent to one person after a sequence number. */
export const messagesTo = (slug: string, userId: string, since = 0) =>
  platformApi<SentMessage[]>(`/_platform/messages?channel=${slug}&chat=${userId}&since=${since}`);

/** A complaint's vault entry, opened (tests only: no worker code path reads the vault). */
export async function openVault(orgId: number, complaint: { vault_id: string }) {
  const row = await firstRow<{ kind: string; sealed: string }>(
    'select * from identity_vault where id = ?',
    complaint.vault_id,
  );
  const keyring = await keyringFromEnv(env);
  return {
    kind: row!.kind,
    identity: JSON.parse(await open(keyring, row!.sealed, vaultContext(orgId, complaint.vault_id))),
  };
}

/** One organisation's resident chat in short: a new resident, an idle draft, a built webhook, what one was sent. */
export function residentChat(org: TestOrg) {
  return {
    start: () => resident(org.slug),
    setIdle: (userId: string, ms: number) => idleFor(org.id, userId, ms),
    built: (userId: string, events: unknown[]) => buildWebhook(org.slug, userId, events),
    sentTo: (userId: string, since = 0) => messagesTo(org.slug, userId, since),
  };
}
