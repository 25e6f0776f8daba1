import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { LineGateway, LineMessage } from '../line/gateway';
import type { ActionResult } from './case-actions';
import type { CaseRecord } from './cases-data';
import { type StaffMember, staffWithRole } from '../staff/staff-data';
import { pushToStaff } from '../notices/staff-push';
import { mayStaff } from './case-audience';
import { canRead } from './case-machine';
import { type CardLinks, caseCard, caseLine } from './cards/case-card';

export interface ActionNoticeDeps {
  db: Db;
  keyring: Keyring;
  line: Pick<LineGateway, 'push' | 'multicast'>;
  links: CardLinks;
}

type Done = Extract<ActionResult, { ok: true }>;

/**
 * Tells the people an action concerns, 1:1 (billable pushes, so only where someone must act):
 * a case's new owner; the executives of an escalation; the handler of an executive's instruction.
 * Returns a line for the actor's own answer ("sent to 2 executives"), or null. A failed push is
 * logged, never thrown: the action itself is already written.
 */
export async function tellOthers(
  deps: ActionNoticeDeps,
  result: Done,
  by: StaffMember,
): Promise<string | null> {
  const c = result.case;
  const note = result.note ?? '';
  switch (result.action) {
    case 'assigned': {
      if (!c.assigneeId || c.assigneeId === by.id) return null;
      const lead = `${by.displayName} มอบหมายเรื่อง ${caseLine(c)} ให้ท่านรับผิดชอบ`;
      await send(deps, c, [c.assigneeId], [{ type: 'text', text: lead }, caseCard(c, deps.links)]);
      return null;
    }
    case 'escalated': {
      // Never an executive the involvement policy keeps out (the decision already refused a barred case).
      const executives = (await staffWithRole(deps.db, c.orgId, 'executive')).filter(
        (s) => s.id !== by.id && mayStaff(c, s, 'escalate_to'),
      );
      if (executives.length === 0)
        return 'ยังไม่มีผู้บริหารลงทะเบียนในระบบ ผู้ดูแลระบบเชิญได้ด้วยคำสั่ง "เชิญเจ้าหน้าที่ ผู้บริหาร"';
      const lead = `${by.displayName} เสนอเรื่อง ${caseLine(c)} ให้ผู้บริหารพิจารณา:\n${note}`;
      const card = caseCard(c, deps.links, 'เรื่องเสนอผู้บริหาร', 'executive');
      const sent = await send(
        deps,
        c,
        executives.map((e) => e.id),
        [{ type: 'text', text: lead }, card],
      );
      return sent > 0 ? `ส่งถึงผู้บริหาร ${sent} ท่านแล้ว` : 'ส่งข้อความถึงผู้บริหารไม่สำเร็จ กรุณาลองอีกครั้งภายหลัง';
    }
    case 'instructed': {
      const to = await handlersOf(deps.db, c);
      const targets = to.filter((id) => id !== by.id);
      if (targets.length === 0) return 'เรื่องนี้ยังไม่มีผู้รับผิดชอบ ข้อสั่งการบันทึกไว้ในเรื่องแล้ว';
      const lead = `ผู้บริหาร (${by.displayName}) สั่งการเรื่อง ${caseLine(c)}:\n${note}`;
      const sent = await send(deps, c, targets, [{ type: 'text', text: lead }, caseCard(c, deps.links)]);
      return sent > 0 ? 'แจ้งข้อสั่งการถึงผู้รับผิดชอบแล้ว' : 'ส่งข้อสั่งการไม่สำเร็จ กรุณาลองอีกครั้งภายหลัง';
    }
    default:
      return null;
  }
}

// The owner; without one, those who manage the track (integrity officers or admins) and may see it.
async function handlersOf(db: Db, c: CaseRecord): Promise<number[]> {
  if (c.assigneeId) return [c.assigneeId];
  const role = c.track === 'corruption' ? 'integrity' : 'admin';
  return (await staffWithRole(db, c.orgId, role)).filter((s) => canRead(c, s)).map((s) => s.id);
}

async function send(deps: ActionNoticeDeps, c: CaseRecord, staffIds: number[], messages: LineMessage[]) {
  try {
    // One key per case version: a redelivered webhook does not bill the same notice twice.
    return await pushToStaff(deps, c.orgId, staffIds, messages, `action:${c.orgId}:${c.code}:${c.version}`);
  } catch (error) {
    console.warn('action notice failed', { orgId: c.orgId, caseId: c.id, error: String(error) });
    return 0;
  }
}
