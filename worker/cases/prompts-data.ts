import type { staffPrompts } from '../../schema/tables/staff';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';

/**
 * A button that needs typed text (a question, an update, a reference, a result) leaves a prompt: the
 * staff member's next text in the same chat is that text. 1:1 chats are stored as 'direct' (the staff
 * member's LINE id is never a plain column); groups by their id.
 */
export interface StaffPrompt {
  staffId: number;
  complaintId: number;
  action: 'ask' | 'upd' | 'fwd' | 'cls' | 'esc' | 'ins' | 'rec';
  arg: string;
  version: number;
}

export const PROMPT_TTL_MS = 30 * 60 * 1000;
export const DIRECT_CHAT = 'direct';

/** Leaves (or replaces) the staff member's prompt in a chat. */
export async function setPrompt(
  db: Db,
  args: StaffPrompt & { orgId: number; chatId: string; now: number },
): Promise<void> {
  await db.$client
    .prepare(
      `insert into staff_prompts (org_id, chat_id, staff_id, complaint_id, action, arg, version, expires_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (org_id, chat_id, staff_id) do update set complaint_id = excluded.complaint_id,
         action = excluded.action, arg = excluded.arg, version = excluded.version, expires_at = excluded.expires_at`,
    )
    .bind(
      args.orgId,
      args.chatId,
      args.staffId,
      args.complaintId,
      args.action,
      args.arg,
      args.version,
      args.now + PROMPT_TTL_MS,
    )
    .run();
}

/** A prompt row as D1 returns it (also read by the per-event person lookup). */
export type PromptRow = Pick<
  SqlRow<typeof staffPrompts>,
  'staff_id' | 'complaint_id' | 'action' | 'arg' | 'version'
>;

/** A prompt row as the staff chat sees it. */
export const toPrompt = (r: PromptRow): StaffPrompt => ({
  staffId: r.staff_id,
  complaintId: r.complaint_id,
  // A plain text column: only setPrompt writes it, always from a StaffPrompt.
  action: r.action as StaffPrompt['action'],
  arg: r.arg,
  version: r.version,
});

/** Open prompts in a group (usually none: checked before looking up who is speaking). */
export async function findGroupPrompts(db: Db, orgId: number, chatId: string, now: number) {
  const { results } = await db.$client
    .prepare(
      `select staff_id, complaint_id, action, arg, version from staff_prompts
       where org_id = ? and chat_id = ? and expires_at > ?`,
    )
    .bind(orgId, chatId, now)
    .all<PromptRow>();
  return results.map(toPrompt);
}

/** Ends the staff member's prompt in a chat. */
export async function clearPrompt(db: Db, orgId: number, chatId: string, staffId: number): Promise<void> {
  await db.$client
    .prepare('delete from staff_prompts where org_id = ? and chat_id = ? and staff_id = ?')
    .bind(orgId, chatId, staffId)
    .run();
}
