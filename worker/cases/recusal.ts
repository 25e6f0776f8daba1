import { staffWithRole, type StaffMember } from '../staff/staff-data';
import { pushToStaff } from '../notices/staff-push';
import type { ActionNoticeDeps } from './action-notices';
import { mayStaff } from './case-audience';
import { canRead } from './case-machine';
import { type CaseRecord, getCase } from './cases-data';
import { caseCard, caseLine } from './cards/case-card';

export type RecusalResult =
  | { ok: true; case: CaseRecord; told: number; adminsAsked: number; text: string }
  | { ok: false; reason: 'no_access' | 'not_integrity'; text: string };

/** What the admins read when no integrity officer is left: nothing of the case, only what to do. */
export const noIntegrityLeftText =
  'มีเรื่องร้องเรียนการทุจริตที่ไม่มีเจ้าหน้าที่ป้องกันการทุจริตดูแลได้แล้ว (ทุกคนเกี่ยวข้องกับเรื่องหรือถอนตัวเพราะมีส่วนได้เสีย) กรุณาแต่งตั้งเจ้าหน้าที่ป้องกันการทุจริตเพิ่ม (พิมพ์ "เชิญเจ้าหน้าที่ ป้องกันการทุจริต") หรือให้ผู้ที่ได้รับแต่งตั้งส่งเรื่องต่อหน่วยงานภายนอก เช่น ป.ป.ช. ป.ป.ท. หรือศูนย์ดำรงธรรม ระบบไม่แสดงรายละเอียดของเรื่องให้ท่านเห็น';

/**
 * An integrity officer declares a conflict of interest on a corruption case: a case_recusals row and an
 * event `recused` in one batch (owning it, they give it up), so they lose access at once (the involvement
 * policy reads the row). The other integrity officers who may see it are told (one multicast); when none
 * is left, the admins are asked to appoint one or refer outside, without anything of the case.
 */
export async function declareRecusal(
  deps: ActionNoticeDeps & { now: number },
  actor: StaffMember,
  c: CaseRecord,
  reason: string,
): Promise<RecusalResult> {
  if (!canRead(c, actor)) return { ok: false, reason: 'no_access', text: 'ท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้' };
  if (c.track !== 'corruption' || !actor.roles.includes('integrity'))
    return {
      ok: false,
      reason: 'not_integrity',
      text: 'การถอนตัวเพราะมีส่วนได้เสียใช้กับเรื่องร้องเรียนการทุจริต โดยเจ้าหน้าที่ป้องกันการทุจริตเท่านั้น',
    };
  const db = deps.db.$client;
  // A typed reason has no other limit in chat; the LIFF form allows 500 characters.
  const note = reason.trim().slice(0, 500) || 'มีส่วนได้เสีย';
  await db.batch([
    db
      .prepare(
        `insert into case_recusals (complaint_id, staff_id, org_id, at) values (?, ?, ?, ?)
         on conflict do nothing`,
      )
      .bind(c.id, actor.id, c.orgId, deps.now),
    db
      .prepare(
        `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status, to_status, note)
         values (?, ?, ?, 'staff', ?, 'recused', ?, ?, ?)`,
      )
      .bind(c.id, c.orgId, deps.now, String(actor.id), c.status, c.status, note),
    db
      .prepare(
        'update case_handling set assignee_id = null, updated_at = ? where complaint_id = ? and assignee_id = ?',
      )
      .bind(deps.now, c.id, actor.id),
    // Cards and forms made before carry the old version: their buttons are refused as stale.
    db
      .prepare('update complaints set version = version + 1, updated_at = ? where id = ? and org_id = ?')
      .bind(deps.now, c.id, c.orgId),
  ]);
  const fresh = (await getCase(deps.db, c.orgId, c.id)) ?? c;
  const others = (await staffWithRole(deps.db, c.orgId, 'integrity')).filter((s) =>
    mayStaff(fresh, s, 'notify'),
  );
  const key = `recusal:${c.orgId}:${c.code}:${actor.id}`;
  if (others.length > 0) {
    const lead = `${actor.displayName} ถอนตัวจากเรื่อง ${caseLine(fresh)} เพราะมีส่วนได้เสีย ท่านยังดูแลเรื่องนี้ได้`;
    const told = await send(
      deps,
      fresh,
      others.map((s) => s.id),
      [{ type: 'text', text: lead }, caseCard(fresh, deps.links)],
      key,
    );
    return {
      ok: true,
      case: fresh,
      told,
      adminsAsked: 0,
      text: recusedText(c.code, `แจ้งเจ้าหน้าที่ป้องกันการทุจริตอีก ${told} ท่านแล้ว`),
    };
  }
  const admins = (await staffWithRole(deps.db, c.orgId, 'admin')).filter((s) => s.id !== actor.id);
  const asked = await send(
    deps,
    fresh,
    admins.map((s) => s.id),
    [{ type: 'text', text: noIntegrityLeftText }],
    key,
  );
  return {
    ok: true,
    case: fresh,
    told: 0,
    adminsAsked: asked,
    text: recusedText(
      c.code,
      'ไม่มีเจ้าหน้าที่ป้องกันการทุจริตคนอื่นที่ดูแลเรื่องนี้ได้ ระบบแจ้งผู้ดูแลระบบให้แต่งตั้งเพิ่มหรือส่งต่อหน่วยงานภายนอกแล้ว (โดยไม่แสดงรายละเอียดของเรื่อง)',
    ),
  };
}

const recusedText = (code: string, tail: string) =>
  `บันทึกการถอนตัวจากเรื่อง ${code} แล้ว ท่านจะไม่เห็นและไม่ได้รับแจ้งเรื่องนี้อีก\n${tail}`;

async function send(
  deps: ActionNoticeDeps,
  c: CaseRecord,
  staffIds: number[],
  messages: Parameters<typeof pushToStaff>[3],
  key: string,
) {
  try {
    return await pushToStaff(deps, c.orgId, staffIds, messages, key);
  } catch (error) {
    // The recusal is written; a failed notice is logged, never undoes it.
    console.warn('recusal notice failed', { orgId: c.orgId, caseId: c.id, error: String(error) });
    return 0;
  }
}
