import type { Keyring } from '../../crypto/secret-box';
import type { Db } from '../../db/client';
import type { LineGateway } from '../../line/gateway';
import type { CaseRecord } from '../../staff/cases-data';
import { type StaffMember, staffLineIds } from '../../staff/staff-data';
import { type CardLinks, caseCard, caseLine } from './case-card';

/**
 * The new owner of a case learns of it 1:1 (one billable push), whether it was assigned in chat or in
 * the LIFF: a case must not wait for someone who never saw it. Nothing when they assigned it to themself.
 */
export async function tellAssignee(
  deps: { db: Db; keyring: Keyring; line: Pick<LineGateway, 'push'>; links: CardLinks },
  c: CaseRecord,
  by: StaffMember,
): Promise<void> {
  if (!c.assigneeId || c.assigneeId === by.id) return;
  const [target] = await staffLineIds(deps.db, deps.keyring, c.orgId, [c.assigneeId]);
  if (!target) return;
  const lead = `${by.displayName} มอบหมายเรื่อง ${caseLine(c)} ให้ท่านรับผิดชอบ`;
  try {
    await deps.line.push(target.lineUserId, [{ type: 'text', text: lead }, caseCard(c, deps.links)]);
  } catch (error) {
    console.warn('assignee notice failed', { orgId: c.orgId, caseId: c.id, error: String(error) });
  }
}
