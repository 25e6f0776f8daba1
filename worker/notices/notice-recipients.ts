import type { Db } from '../db/client';
import type { CaseRecord } from '../cases/cases-data';
import type { getStaffSettings } from '../staff/settings-data';
import { mayStaff } from '../cases/case-audience';
import { staffWithRole } from '../staff/staff-data';

type Settings = Awaited<ReturnType<typeof getStaffSettings>>;

/** Where the announcement of a new case goes. */
export type NoticeRoute =
  | { kind: 'integrity'; staffIds: number[] }
  /** A corruption tip no integrity officer may see: the admins are asked to act, told nothing of it. */
  | { kind: 'no_integrity'; staffIds: number[] }
  | { kind: 'group'; chatId: string }
  | { kind: 'unit_officers'; staffIds: number[] }
  | { kind: 'digest' }
  | { kind: 'none' };

/** The staff desk group, if bound and the bot is still in it. */
export async function activeDesk(db: Db, orgId: number, settings: Settings): Promise<string | null> {
  if (!settings.deskChatId) return null;
  const row = await db.$client
    .prepare(`select status from line_chats where org_id = ? and chat_id = ?`)
    .bind(orgId, settings.deskChatId)
    .first<{ status: string }>();
  return row?.status === 'active' ? settings.deskChatId : null;
}

// Officers of the unit; without any, the admins, so that a grievance never goes nowhere.
async function unitOfficers(db: Db, orgId: number, unitId: number | null): Promise<number[]> {
  const officers = await staffWithRole(db, orgId, 'officer', unitId);
  if (officers.length > 0) return officers.map((o) => o.id);
  return (await staffWithRole(db, orgId, 'admin')).map((a) => a.id);
}

/**
 * Decides who hears of a new case. Corruption: the integrity officers 1:1, whatever the policy (never
 * a group: a group's members are not all designated, and the accused may be among them), less those the
 * involvement policy keeps out (their unit is named, they recused); none left: the admins, told nothing
 * of the case. Grievances
 * follow the organisation's policy, falling back to the unit's officers when the desk is not there.
 */
export async function routeFor(db: Db, c: CaseRecord, settings: Settings): Promise<NoticeRoute> {
  if (c.track === 'corruption') {
    const integrity = await staffWithRole(db, c.orgId, 'integrity');
    const ids = integrity.filter((s) => mayStaff(c, s, 'notify')).map((s) => s.id);
    if (ids.length > 0) return { kind: 'integrity', staffIds: ids };
    if (integrity.length === 0) return { kind: 'none' };
    // Every integrity officer is kept out (a tip about their own unit): the admins are asked to act.
    const admins = (await staffWithRole(db, c.orgId, 'admin')).map((s) => s.id);
    return admins.length > 0 ? { kind: 'no_integrity', staffIds: admins } : { kind: 'none' };
  }
  if (settings.policy === 'digest') return { kind: 'digest' };
  if (settings.policy === 'group') {
    const desk = await activeDesk(db, c.orgId, settings);
    if (desk) return { kind: 'group', chatId: desk };
  }
  const ids = await unitOfficers(db, c.orgId, c.unitId);
  return ids.length > 0 ? { kind: 'unit_officers', staffIds: ids } : { kind: 'none' };
}

/** Who receives a digest: the desk if there is one, else every officer (or the admins). */
export async function digestRoute(db: Db, orgId: number, settings: Settings): Promise<NoticeRoute> {
  const desk = await activeDesk(db, orgId, settings);
  if (desk) return { kind: 'group', chatId: desk };
  const ids = await unitOfficers(db, orgId, null);
  return ids.length > 0 ? { kind: 'unit_officers', staffIds: ids } : { kind: 'none' };
}
