import { listCases } from '../../cases/case-list-data';
import { recordListView } from '../../cases/case-transition-data';
import type { StaffMember } from '../../staff/staff-data';
import { caseListCard } from '../../cases/cards/case-list-card';
import { cardLinks, deskOk, inGroup, notDeskText, type StaffTurn, say, sayText } from './turn';

const SHOWN = 10;

/**
 * "เรื่องใหม่": the cases awaiting acceptance that the sender may see, newest first, as one reply (free,
 * whatever is left of the month's message quota). In the staff desk group only grievances are listed;
 * anywhere else in a group nothing is. A list showing corruption cases is written to the access log.
 */
export async function showNewCases(turn: StaffTurn, member: StaffMember): Promise<void> {
  const { db, org } = turn.ctx;
  const group = inGroup(turn);
  if (!(await deskOk(turn))) return sayText(turn, notDeskText);
  const page = await listCases(
    db,
    org.id,
    member,
    { status: 'received', sort: 'newest', limit: SHOWN, ...(group ? { track: 'grievance' as const } : {}) },
    turn.ctx.now(),
  );
  const links = cardLinks(turn);
  // The answer is the list: no reminder to type "เรื่องใหม่" under it.
  const quiet = { ...turn, nudge: null };
  if (page.items.length === 0) return sayText(quiet, 'ไม่มีเรื่องที่รอรับ');
  await recordListView(db, { orgId: org.id, staffId: member.id, shown: page.items, now: turn.ctx.now() });
  const title = page.nextCursor ? `เรื่องที่รอรับ ${SHOWN} เรื่องล่าสุด` : `เรื่องที่รอรับ ${page.items.length} เรื่อง`;
  await say(quiet, [
    caseListCard(page.items, links, turn.ctx.now(), {
      title,
      detail: (c) =>
        `${c.track === 'corruption' ? 'ทุจริต · ' : ''}${c.categoryName} · ${c.unitName ?? 'ยังไม่ระบุหน่วยงาน'}`,
      listQuery: { status: 'received' },
    }),
  ]);
}
