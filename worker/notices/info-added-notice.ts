import { finalStatuses } from '../../schema/contracts/staff';
import { caseCard } from '../cases/cards/case-card';
import { canRead } from '../cases/case-machine';
import { type CaseRecord, getCase } from '../cases/cases-data';
import { recordInfoAdded } from '../cases/info-added';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { LineApiError, type LineMessage } from '../line/gateway';
import { uuidFrom } from '../line/retry-key';
import type { OrgLine } from '../orgs/org-line';
import { getStaffSettings } from '../staff/settings-data';
import { getStaff } from '../staff/staff-data';
import { isQuotaRefusal } from './notice-outcomes';
import { routeFor } from './notice-recipients';
import { pushToStaff } from './staff-push';

/** What telling staff needs: the organisation's gateway (the webhook's own, or a fresh one for the LIFF). */
export interface InfoNoticeDeps {
  env: Env;
  db: Db;
  keyring: Keyring;
  target: OrgLine;
  now: number;
}

/**
 * Tells the case's handler that the complainant added something: `lead` and the staff card, never who
 * sent it. The handler is the assignee while they may still read the case; otherwise whoever a new
 * case of this track and unit would reach (integrity officers 1:1 for corruption; the desk group or the
 * unit's officers for a grievance). Under the digest policy nothing is pushed: the addition waits on
 * the case. One push (billed) per addition, named by `key` so a retry is not delivered twice; a month's
 * quota used up is logged and skipped (the addition is recorded either way). How many chats it reached.
 */
export async function tellHandlers(
  deps: InfoNoticeDeps,
  args: { caseId: number; lead: (c: CaseRecord) => string; key: string },
): Promise<number> {
  const { db, target } = deps;
  const c = await getCase(db, target.org.id, args.caseId);
  if (!c) return 0;
  const messages: LineMessage[] = [
    { type: 'text', text: args.lead(c) },
    caseCard(c, { env: deps.env, orgSlug: target.org.slug, liff: target.liff }),
  ];
  const push = { db, keyring: deps.keyring, line: target.line };
  try {
    const assignee = c.assigneeId === null ? null : await getStaff(db, c.orgId, c.assigneeId);
    if (assignee?.active && canRead(c, assignee)) {
      const sent = await pushToStaff(push, c.orgId, [assignee.id], messages, args.key);
      if (sent > 0) return sent;
    }
    const route = await routeFor(db, c, await getStaffSettings(db, c.orgId));
    if (route.kind === 'group') {
      try {
        await target.line.push(route.chatId, messages, await uuidFrom(args.key));
      } catch (error) {
        // 409: accepted before under this retry key; it went out.
        if (!(error instanceof LineApiError && error.status === 409)) throw error;
      }
      return 1;
    }
    if (route.kind === 'integrity' || route.kind === 'unit_officers')
      return await pushToStaff(push, c.orgId, route.staffIds, messages, args.key);
    return 0;
  } catch (error) {
    if (!isQuotaRefusal(error)) throw error;
    console.warn('info notice held back: monthly quota used up', { org: target.org.slug, caseId: c.id });
    return 0;
  }
}

/**
 * "ส่งข้อมูลเพิ่มเติม", for the chat and the LIFF alike: records the text on the open case
 * (recordInfoAdded) and tells the handler without the sender, in one push that also counts the photos
 * stored with it (`photos`, LIFF; the chat announces its photos as they arrive). Without text, only the
 * photos are announced (`ref` names that notice). 'closed' when the case is not open, 'limit' when it
 * took its texts for the day (nothing recorded, nobody told); a failed notice is logged, never undoes
 * the record.
 */
export async function addInformation(
  deps: InfoNoticeDeps,
  args: { complaintId: number; text: string | null; photos?: number; ref?: string },
): Promise<CaseRecord | 'closed' | 'limit'> {
  const orgId = deps.target.org.id;
  const photos = args.photos ?? 0;
  const text = args.text;
  const recorded = text
    ? await recordInfoAdded(deps.db, { orgId, complaintId: args.complaintId, text, now: deps.now })
    : null;
  if (recorded === 'closed' || recorded === 'limit') return recorded;
  const done = recorded;
  const c = done?.case ?? (await openCase(deps.db, orgId, args.complaintId));
  if (!c) return 'closed';
  const withPhotos = photos > 0 ? ` พร้อมรูป ${photos} รูป` : '';
  // LINE takes 5000 characters a message; the whole text is on the case.
  const lead = (fresh: CaseRecord) =>
    text
      ? `ผู้ร้องเรียนส่งข้อมูลเพิ่มเติมในเรื่อง ${fresh.code}${withPhotos}:\n\n${text.slice(0, 4000)}`
      : `ผู้ร้องเรียนส่งรูปเพิ่มเติม ${photos} รูปในเรื่อง ${fresh.code} กด "ดูรายละเอียด" เพื่อเปิดดูในระบบเจ้าหน้าที่`;
  const key = done ? `info-added:${orgId}:${done.eventId}` : `info-photos:${orgId}:${c.code}:${args.ref}`;
  await tellHandlers(deps, { caseId: c.id, lead, key }).catch((error) =>
    console.warn('info notice failed', { org: deps.target.org.slug, caseId: c.id, error: String(error) }),
  );
  return c;
}

async function openCase(db: Db, orgId: number, caseId: number) {
  const c = await getCase(db, orgId, caseId);
  return c && !finalStatuses.includes(c.status) ? c : null;
}
