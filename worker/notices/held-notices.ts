import type { ComplaintTrack, InvolvedRole } from '../../schema/contracts/complaint-rules';
import type { Db } from '../db/client';
import { canRead } from '../cases/case-machine';
import type { Involvement } from '../cases/involvement-policy';
import type { StaffMember } from '../staff/staff-data';

/** A new case whose notice LINE refused for the month's quota (see new-case-notices.ts). */
export interface HeldCase {
  track: ComplaintTrack;
  unitId: number | null;
  involvement: Involvement;
}

/** Read on every staff command and button: through the partial index `staff_notices_held`. */
export const HELD_NOTICES_SQL = `select c.track, c.unit_id as unitId, c.involved_role, c.involved_unit_id,
    (select group_concat(staff_id) from case_recusals x where x.complaint_id = c.id) as recused_ids
  from staff_notices n join complaints c on c.id = n.complaint_id
  where n.org_id = ? and n.held_since is not null and n.status = 'pending' limit 50`;

type HeldRow = Pick<HeldCase, 'track' | 'unitId'> & {
  involved_role: InvolvedRole | null;
  involved_unit_id: number | null;
  recused_ids: string | null;
};

/** The cases whose new-case notices are held for the quota (usually no rows at all). */
export async function heldNoticeCases(db: Db, orgId: number): Promise<HeldCase[]> {
  const { results } = await db.$client.prepare(HELD_NOTICES_SQL).bind(orgId).all<HeldRow>();
  return results.map((r) => ({
    track: r.track,
    unitId: r.unitId,
    involvement: {
      role: r.involved_role,
      unitId: r.involved_unit_id,
      recusedIds: r.recused_ids ? r.recused_ids.split(',').map(Number) : [],
    },
  }));
}

export const quotaNudgeText =
  'โควตาข้อความ LINE ของเดือนนี้หมดแล้ว ระบบจึงแจ้งเรื่องใหม่ให้ทราบไม่ได้ พิมพ์ "เรื่องใหม่" เพื่อดูเรื่องที่รอรับ (การตอบในแชตไม่ใช้โควตา)';

/**
 * The line added to a staff member's chat answers while new-case notices are held: only when one of
 * the held cases is theirs to see (a corruption report never shows in a group, not even as a count).
 */
export function quotaNudge(held: HeldCase[], member: StaffMember, inGroup: boolean): string | null {
  const theirs = held.some(
    (c) =>
      !(inGroup && c.track === 'corruption') &&
      canRead({ track: c.track, unitId: c.unitId, assigneeId: null, involvement: c.involvement }, member),
  );
  return theirs ? quotaNudgeText : null;
}
