import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { StaffRole } from '../../../schema/contracts/staff';
import { roleWords } from '../../../schema/contracts/staff';
import { keyringFromEnv } from '../../../worker/crypto/keyring';
import { createDb } from '../../../worker/db/client';
import { inviteStatements } from '../../../worker/staff/invites';
import { findActiveStaff } from '../../../worker/staff/staff-data';
import { actionsIn, type Person, person, textOf } from './complaint';
import { conversation, newUserId, platformApi, type SentMessage } from './line';
import { firstRow, runBatch } from './db';

/** A staff member's 1:1 chat (and their LINE user id), driven like a person. */
export type StaffChat = Person & { userId: string };

export function staffChat(slug: string, userId = newUserId()): StaffChat {
  return Object.assign(person(conversation(slug, { type: 'user', userId })), { userId });
}

/** The platform's last sequence number for a channel: later messages are "new". */
export async function lastSeq(slug: string): Promise<number> {
  const [requests, messages] = await Promise.all([
    platformApi<{ seq: number }[]>(`/_platform/requests?channel=${slug}`),
    platformApi<{ seq: number }[]>(`/_platform/messages?channel=${slug}`),
  ]);
  return Math.max(0, ...requests.map((r) => r.seq), ...messages.map((m) => m.seq));
}

/** Issues an invite straight into D1 (as the operator command does) and returns its code. */
export async function operatorInvite(orgId: number, role: StaffRole, unitCode?: string): Promise<string> {
  const unit = unitCode
    ? await firstRow<{ id: number }>('select id from units where org_id = ? and code = ?', orgId, unitCode)
    : null;
  const issued = await inviteStatements(await keyringFromEnv(env), {
    orgId,
    kind: 'staff',
    role,
    unitId: unit?.id ?? null,
    createdBy: null,
    now: Date.now(),
  });
  await runBatch(issued.statements);
  return issued.code;
}

/**
 * A registered staff member: one operator invite per role, each redeemed through the chat as a real
 * person would ("ลงทะเบียนเจ้าหน้าที่ <code>").
 */
export async function enroll(
  slug: string,
  orgId: number,
  roles: StaffRole[],
  options: { unit?: string; name?: string } = {},
): Promise<StaffChat & { staffId: number }> {
  const chat = staffChat(slug);
  if (options.name) await platformApi('/_platform/users', { userId: chat.userId, displayName: options.name });
  for (const role of roles) {
    const code = await operatorInvite(orgId, role, role === 'officer' ? options.unit : undefined);
    const answer = await chat.say(`ลงทะเบียนเจ้าหน้าที่ ${code}`);
    expect(textOf(answer)).toContain('ลงทะเบียนเป็นเจ้าหน้าที่');
  }
  const member = await findActiveStaff(createDb(env.DB), await keyringFromEnv(env), orgId, chat.userId);
  return Object.assign(chat, { staffId: member!.id });
}

/** A new LINE group with `members` (plus fillers up to `size`), the bot joined and bound as the desk by `admin`. */
export async function deskGroup(slug: string, admin: StaffChat, members: string[], size = members.length) {
  const groupId = `C${crypto.randomUUID().replace(/-/g, '')}`;
  const memberIds = [
    ...members,
    ...Array.from({ length: Math.max(0, size - members.length) }, () => newUserId()),
  ];
  await platformApi('/_platform/groups', { channel: slug, groupId, groupName: 'ศูนย์รับเรื่อง', memberIds });
  const inGroup = (userId: string) => person(conversation(slug, { type: 'group', groupId, userId }));
  const adminInGroup = inGroup(admin.userId);
  await adminInGroup.send([{ type: 'join' }]);
  const issued = await admin.say('ผูกกลุ่ม');
  const command = issued.map((m) => m.message.text as string).find((t) => t?.startsWith('ผูกกลุ่ม '));
  expect(command).toBeDefined();
  const bound = await adminInGroup.say(command!);
  expect(textOf(bound)).toContain('ตั้งกลุ่มนี้เป็นกลุ่มรับเรื่อง');
  return { groupId, memberIds, inGroup };
}

/** Billable messages the bot sent to these chats after `since` (LINE's unit: per recipient). */
export async function billableTo(slug: string, chatIds: string[], since: number): Promise<number> {
  const requests = await platformApi<{ chatIds: string[]; billable: number }[]>(
    `/_platform/requests?channel=${slug}&since=${since}`,
  );
  return requests
    .filter((r) => r.chatIds.some((id) => chatIds.includes(id)))
    .reduce((a, r) => a + r.billable, 0);
}

/** Messages to one chat after `since`. */
export const messagesIn = (slug: string, chatId: string, since: number) =>
  platformApi<SentMessage[]>(`/_platform/messages?channel=${slug}&chat=${chatId}&since=${since}`);

/** The postback data of a button labelled `label` in messages (the latest one wins). */
export function buttonData(messages: SentMessage[], label: string): string {
  const found = actionsIn(messages).filter((a) => a.label === label);
  if (found.length === 0) throw new Error(`no button "${label}"`);
  return found[found.length - 1].data;
}

/** The role word a button would send ("เชิญเจ้าหน้าที่ ผู้บริหาร"). */
export const roleWord = (role: StaffRole) => roleWords[role][0]!;
