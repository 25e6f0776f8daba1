import {
  type NotifyPolicy,
  notifyPolicies,
  policyNames,
  type ReminderPolicy,
  reminderPolicies,
  reminderPolicyNames,
  roleNames,
  roleWords,
  type StaffRole,
  staffRoles,
} from '../../../schema/contracts/staff';
import { formatThaiDay } from '../../../lib/thai-date';
import type { LineMessage } from '../../line/gateway';
import { inviteStatements } from '../../staff/invites';
import { removeStaff } from '../../staff/removal';
import { unlinkStaffMenu } from '../../staff/staff-menu';
import { getStaffSettings, setNotifyPolicy, setReminderPolicy } from '../../staff/settings-data';
import { findUnit, listStaff, listUnits, type StaffMember } from '../../staff/staff-data';
import { rolesText } from './case-replies';
import { messageChips } from '../../cases/cards/label';
import { type StaffTurn, say, sayText } from './turn';

/* The admin commands of the chat (the staff API offers the same to the LIFF). */

/** "เชิญเจ้าหน้าที่ <role> [unit]": a one-time code, or the choices still missing. */
export async function invite(turn: StaffTurn, admin: StaffMember, role: StaffRole | null, rest: string) {
  const { db, org } = turn.ctx;
  if (!role) {
    return say(turn, [
      {
        type: 'text',
        text: 'ต้องการเชิญเจ้าหน้าที่บทบาทใด',
        quickReply: messageChips(
          staffRoles.map((r) => ({ label: roleNames[r], text: `เชิญเจ้าหน้าที่ ${roleWords[r][0]}` })),
        ),
      },
    ]);
  }
  let unit: { id: number; name: string } | null = null;
  if (role === 'officer') {
    unit = rest ? await findUnit(db, org.id, { text: rest }) : null;
    if (!unit) {
      const units = (await listUnits(db, org.id)).filter((u) => !u.handlesIntegrity);
      return say(turn, [
        {
          type: 'text',
          text: rest ? `ไม่พบหน่วยงาน "${rest}" เลือกหน่วยงานของเจ้าหน้าที่` : 'เจ้าหน้าที่รับเรื่องของหน่วยงานใด',
          quickReply: messageChips(
            units.map((u) => ({ label: u.name, text: `เชิญเจ้าหน้าที่ ${roleWords.officer[0]} ${u.code}` })),
          ),
        },
      ]);
    }
  }
  const issued = await inviteStatements(turn.keyring, {
    orgId: org.id,
    kind: 'staff',
    role,
    unitId: unit?.id ?? null,
    createdBy: admin.id,
    now: turn.ctx.now(),
  });
  await db.$client.batch(issued.statements.map((s) => db.$client.prepare(s.sql).bind(...s.params)));
  const messages: LineMessage[] = [
    {
      type: 'text',
      text: [
        `รหัสเชิญ${roleNames[role]}${unit ? ` (${unit.name})` : ''}: ${issued.code}`,
        `ใช้ได้ครั้งเดียว ภายใน ${formatThaiDay(issued.expiresAt)}`,
        'ส่งข้อความถัดไปให้ผู้ได้รับเชิญ เพื่อเพิ่มเพื่อนบัญชีนี้แล้วพิมพ์ในแชตส่วนตัว',
      ].join('\n'),
    },
    { type: 'text', text: `ลงทะเบียนเจ้าหน้าที่ ${issued.code}` },
  ];
  return say(turn, messages);
}

/** "ลบเจ้าหน้าที่ #id|name": removal, effective at once. */
export async function remove(turn: StaffTurn, admin: StaffMember, target: string) {
  const { db, org } = turn.ctx;
  const people = await listStaff(db, org.id);
  const byId = /^#(\d+)$/.exec(target);
  const found = byId
    ? people.filter((p) => p.id === Number(byId[1]))
    : target
      ? people.filter((p) => p.displayName.includes(target))
      : [];
  if (found.length !== 1) {
    return say(turn, [
      {
        type: 'text',
        text: target ? `พบ ${found.length} คนที่ตรงกับ "${target}" เลือกเจ้าหน้าที่ที่จะลบ` : 'เลือกเจ้าหน้าที่ที่จะลบ',
        quickReply: messageChips(
          (found.length > 1 ? found : people)
            .filter((p) => p.id !== admin.id)
            .map((p) => ({ label: p.displayName, text: `ลบเจ้าหน้าที่ #${p.id}` })),
        ),
      },
    ]);
  }
  const person = found[0]!;
  if (person.id === admin.id) return sayText(turn, 'ลบตัวเองไม่ได้ กรุณาให้ผู้ดูแลระบบคนอื่นดำเนินการ');
  const removed = await removeStaff(db, {
    orgId: org.id,
    staffId: person.id,
    by: admin.id,
    now: turn.ctx.now(),
  });
  if (removed) await unlinkStaffMenu(turn.ctx.line, db, turn.keyring, org.id, person.id);
  return sayText(
    turn,
    removed ? `ลบ ${person.displayName} ออกจากเจ้าหน้าที่แล้ว สิทธิ์ทั้งหมดถูกยกเลิกทันที` : 'ไม่พบเจ้าหน้าที่คนนี้',
  );
}

/** "รายชื่อเจ้าหน้าที่". */
export async function listPeople(turn: StaffTurn) {
  const { db, org } = turn.ctx;
  const [people, units] = await Promise.all([listStaff(db, org.id), listUnits(db, org.id)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const lines = people.map(
    (p) =>
      `#${p.id} ${p.displayName}: ${rolesText(p)}${p.unitIds.length ? ` (${p.unitIds.map((id) => unitName.get(id)).join(', ')})` : ''}`,
  );
  return sayText(turn, [`เจ้าหน้าที่ของ${org.name} ${people.length} คน`, ...lines].join('\n'));
}

/** "ตั้งค่าแจ้งเตือน [กลุ่ม|หน่วยงาน|สรุป]". */
export async function policy(turn: StaffTurn, admin: StaffMember, chosen: NotifyPolicy | null) {
  const { db, org } = turn.ctx;
  if (!chosen) {
    const current = await getStaffSettings(db, org.id);
    const words = { group: 'กลุ่ม', unit_officers: 'หน่วยงาน', digest: 'สรุป' } as const;
    const labels = {
      group: 'แจ้งในกลุ่ม',
      unit_officers: 'แจ้งเจ้าหน้าที่หน่วยงาน',
      digest: 'สรุปตามเวลาที่ตั้ง',
    } as const;
    return say(turn, [
      {
        type: 'text',
        text: `การแจ้งเรื่องร้องทุกข์ใหม่ตอนนี้: ${policyNames[current.policy]}\nเลือกแบบที่ต้องการ (ข้อความแจ้งเตือนมีค่าใช้จ่ายต่อผู้รับแต่ละคน)`,
        quickReply: messageChips(
          notifyPolicies.map((p) => ({ label: labels[p], text: `ตั้งค่าแจ้งเตือน ${words[p]}` })),
        ),
      },
    ]);
  }
  await setNotifyPolicy(db, { orgId: org.id, policy: chosen, by: admin.id, now: turn.ctx.now() });
  return sayText(turn, `ตั้งค่าการแจ้งเรื่องร้องทุกข์ใหม่เป็น "${policyNames[chosen]}" แล้ว`);
}

/** "ตั้งค่าเตือนเกินกำหนด <ทุกวัน|รายสัปดาห์|ปิด>": how often late cases are reminded. */
export async function reminders(turn: StaffTurn, admin: StaffMember, chosen: ReminderPolicy | null) {
  const { db, org } = turn.ctx;
  if (!chosen) {
    const current = await getStaffSettings(db, org.id);
    const word = { daily: 'ทุกวัน', weekly: 'รายสัปดาห์', off: 'ปิด' } as const;
    return say(turn, [
      {
        type: 'text',
        text: `การเตือนเรื่องเกินกำหนดตอนนี้: ${reminderPolicyNames[current.reminderPolicy]}\nเลือกแบบที่ต้องการ (ข้อความเตือนมีค่าใช้จ่ายต่อผู้รับแต่ละคน)`,
        quickReply: messageChips(
          reminderPolicies.map((p) => ({ label: word[p], text: `ตั้งค่าเตือนเกินกำหนด ${word[p]}` })),
        ),
      },
    ]);
  }
  await setReminderPolicy(db, { orgId: org.id, policy: chosen, by: admin.id, now: turn.ctx.now() });
  return sayText(turn, `ตั้งค่าการเตือนเรื่องเกินกำหนดเป็น "${reminderPolicyNames[chosen]}" แล้ว`);
}
