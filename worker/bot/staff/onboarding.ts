import type { StaffCommand } from '../../cases/command-parse';
import { inviteStatements } from '../../staff/invites';
import { linkStaffMenu } from '../../staff/staff-menu';
import { type InviteProblem, redeemGroupBind, redeemStaffInvite } from '../../staff/membership';
import type { StaffMember } from '../../staff/staff-data';
import { invite, listPeople, policy, reminders, remove } from './admin-commands';
import { rolesText } from './case-replies';
import { showNewCases } from './new-cases-reply';
import { showReport } from './report-reply';
import { inGroup, notStaffText, type StaffTurn, say, sayText } from './turn';

const problemText: Record<InviteProblem, string> = {
  unknown: 'รหัสนี้ไม่ถูกต้อง กรุณาตรวจสอบรหัสจากผู้ดูแลระบบอีกครั้ง',
  used: 'รหัสนี้ถูกใช้ไปแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
  expired: 'รหัสนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
};

const HELP = [
  'คำสั่งสำหรับเจ้าหน้าที่',
  '• เรื่องใหม่: เรื่องที่รอรับ',
  '• เรื่อง <เลขรับเรื่อง>: ดูเรื่องและปุ่มดำเนินการ',
  '• รับเรื่อง / เปิดเรื่องใหม่ <เลขรับเรื่อง>',
  '• ขอข้อมูล / แจ้งความคืบหน้า <เลขรับเรื่อง> <ข้อความ>',
  '• ส่งต่อ <เลขรับเรื่อง> <ปปช|ปปท|ดำรงธรรม|นายอำเภอ|ผู้ว่า|หน่วยงานอื่น> <เลขอ้างอิง>',
  '• ปิดเรื่อง <เลขรับเรื่อง> <แก้ไขแล้ว|ไม่มีมูล|ส่งต่อแล้ว|ซ้ำ|นอกอำนาจ> <สรุปผล>',
  '• มอบหมาย <เลขรับเรื่อง> <หน่วยงานหรือชื่อเจ้าหน้าที่>',
  '• เสนอผู้บริหาร <เลขรับเรื่อง> <ประเด็น> · ผู้บริหาร: สั่งการ <เลขรับเรื่อง> <ข้อสั่งการ>',
  '• ถอนตัว <เลขรับเรื่อง> <เหตุผล>: เจ้าหน้าที่ป้องกันการทุจริตที่มีส่วนได้เสียในเรื่อง',
  '• รายงานสรุป [เดือนที่แล้ว|ปีงบประมาณ]',
  'ผู้ดูแลระบบ: เชิญเจ้าหน้าที่ · ลบเจ้าหน้าที่ · รายชื่อเจ้าหน้าที่ · ผูกกลุ่ม · ตั้งค่าแจ้งเตือน · ตั้งค่าเตือนเกินกำหนด',
].join('\n');

/** Handles the staff management commands; `member` is the sender's active membership, if any. */
export async function onStaffAdmin(
  turn: StaffTurn,
  member: StaffMember | null,
  command: StaffCommand,
): Promise<void> {
  switch (command.kind) {
    case 'register':
      return register(turn, command.code);
    case 'bind':
      return bind(turn, member, command.code, command.typed);
    case 'help':
      return member ? sayText(turn, HELP) : sayText(turn, notStaffText);
    case 'report':
      return member ? showReport(turn, command.period) : sayText(turn, notStaffText);
    case 'new_cases':
      return member ? showNewCases(turn, member) : sayText(turn, notStaffText);
    case 'case':
      return;
  }
  if (!member?.roles.includes('admin')) return sayText(turn, 'คำสั่งนี้ใช้ได้เฉพาะผู้ดูแลระบบ');
  if (inGroup(turn)) return sayText(turn, 'กรุณาใช้คำสั่งนี้ในแชตส่วนตัวกับบัญชีนี้');
  switch (command.kind) {
    case 'invite':
      return invite(turn, member, command.role, command.rest);
    case 'remove':
      return remove(turn, member, command.target);
    case 'list_staff':
      return listPeople(turn);
    case 'policy':
      return policy(turn, member, command.policy);
    case 'reminders':
      return reminders(turn, member, command.policy);
  }
}

async function register(turn: StaffTurn, code: string | null): Promise<void> {
  if (inGroup(turn)) return sayText(turn, 'กรุณาลงทะเบียนในแชตส่วนตัวกับบัญชีนี้');
  if (!code) return sayText(turn, 'กรุณาพิมพ์ "ลงทะเบียนเจ้าหน้าที่" ตามด้วยรหัสเชิญ 8 ตัวจากผู้ดูแลระบบ');
  const profile = await turn.ctx.line.getProfile(turn.userId).catch(() => null);
  const result = await redeemStaffInvite(turn.ctx.db, turn.keyring, {
    orgId: turn.ctx.org.id,
    code,
    lineUserId: turn.userId,
    displayName: profile?.displayName?.slice(0, 100) || 'เจ้าหน้าที่',
    now: turn.ctx.now(),
  });
  if (!result.ok) return sayText(turn, problemText[result.problem]);
  await linkStaffMenu(turn.ctx.line, turn.ctx.db, turn.ctx.org.id, turn.userId);
  const m = result.member;
  return sayText(
    turn,
    [
      `ลงทะเบียนเป็นเจ้าหน้าที่ของ${turn.ctx.org.name}เรียบร้อยแล้ว`,
      `บทบาท: ${rolesText(m)}`,
      'พิมพ์ "คำสั่งเจ้าหน้าที่" เพื่อดูคำสั่งที่ใช้ได้',
    ].join('\n'),
  );
}

async function bind(turn: StaffTurn, member: StaffMember | null, code: string | null, typed: boolean) {
  if (!member?.roles.includes('admin')) return sayText(turn, 'คำสั่งนี้ใช้ได้เฉพาะผู้ดูแลระบบ');
  const { db, org } = turn.ctx;
  if (!inGroup(turn)) {
    // 1:1: an admin asks for a code to type in the group (proof that an admin meant that group).
    const issued = await inviteStatements(turn.keyring, {
      orgId: org.id,
      kind: 'group_bind',
      createdBy: member.id,
      now: turn.ctx.now(),
    });
    await db.$client.batch(issued.statements.map((s) => db.$client.prepare(s.sql).bind(...s.params)));
    return say(turn, [
      {
        type: 'text',
        text: `รหัสผูกกลุ่มเจ้าหน้าที่ ใช้ได้ครั้งเดียวภายใน 1 ชั่วโมง\nคัดลอกข้อความถัดไปไปส่งในกลุ่ม LINE ของเจ้าหน้าที่ที่มีบัญชีนี้อยู่`,
      },
      { type: 'text', text: `ผูกกลุ่ม ${issued.code}` },
    ]);
  }
  if (!code) return sayText(turn, typed ? 'รหัสไม่ถูกต้อง' : 'กรุณาพิมพ์ "ผูกกลุ่ม" ตามด้วยรหัสที่ได้จากแชตส่วนตัวกับบัญชีนี้');
  const result = await redeemGroupBind(db, turn.keyring, {
    orgId: org.id,
    code,
    chatId: turn.chatKey,
    staffId: member.id,
    now: turn.ctx.now(),
  });
  if (!result.ok) return sayText(turn, problemText[result.problem]);
  return sayText(
    turn,
    `ตั้งกลุ่มนี้เป็นกลุ่มรับเรื่องของเจ้าหน้าที่${org.name}แล้ว เรื่องร้องทุกข์ใหม่จะแจ้งในกลุ่มนี้ (เรื่องร้องเรียนการทุจริตจะแจ้งเฉพาะเจ้าหน้าที่ป้องกันการทุจริตทางแชตส่วนตัวเท่านั้น)`,
  );
}
