import {
  type CaseOutcome,
  type NotifyPolicy,
  type OutsideBody,
  type ReminderPolicy,
  roleWords,
  type StaffRole,
  staffRoles,
} from '../../schema/contracts/staff';
import type { ReportPeriod } from '../../schema/contracts/staff-report';
import { parseTrackingCode } from '../complaints/tracking-code';
import { parseInviteCode } from '../staff/invites';

/**
 * Staff text commands, parsed (pure). The words are what staff type in Thai; each command is also a
 * button somewhere, so nobody has to remember them, but typing is faster for some.
 */
export type CaseVerb =
  | 'view'
  | 'accept'
  | 'reopen'
  | 'ask'
  | 'update'
  | 'forward'
  | 'close'
  | 'assign'
  | 'escalate'
  | 'instruct'
  | 'recuse';

export type StaffCommand =
  | { kind: 'register'; code: string | null }
  | { kind: 'invite'; role: StaffRole | null; rest: string }
  | { kind: 'remove'; target: string }
  | { kind: 'list_staff' }
  | { kind: 'bind'; code: string | null; typed: boolean }
  | { kind: 'policy'; policy: NotifyPolicy | null }
  | { kind: 'help' }
  | { kind: 'report'; period: ReportPeriod }
  | { kind: 'new_cases' }
  | { kind: 'reminders'; policy: ReminderPolicy | null }
  | { kind: 'case'; verb: CaseVerb; code: string | null; rest: string };

// Longest words first: "รับเรื่อง" must not be read as "เรื่อง".
const caseVerbs: [string, CaseVerb][] = [
  ['แจ้งความคืบหน้า', 'update'],
  ['เสนอผู้บริหาร', 'escalate'],
  ['เปิดเรื่องใหม่', 'reopen'],
  ['ขอข้อมูลเพิ่ม', 'ask'],
  ['รับเรื่อง', 'accept'],
  ['ขอข้อมูล', 'ask'],
  ['ปิดเรื่อง', 'close'],
  ['มอบหมาย', 'assign'],
  ['สั่งการ', 'instruct'],
  ['ส่งต่อ', 'forward'],
  ['ถอนตัว', 'recuse'],
  ['เรื่อง', 'view'],
];

const policyWords: Record<string, NotifyPolicy> = {
  กลุ่ม: 'group',
  หน่วยงาน: 'unit_officers',
  เจ้าหน้าที่หน่วยงาน: 'unit_officers',
  สรุป: 'digest',
  สรุปรายวัน: 'digest',
};

const reminderWords: Record<string, ReminderPolicy> = {
  ทุกวัน: 'daily',
  รายวัน: 'daily',
  รายสัปดาห์: 'weekly',
  สัปดาห์ละครั้ง: 'weekly',
  ปิด: 'off',
  ไม่เตือน: 'off',
};

const reportPeriodWords: Record<string, ReportPeriod> = {
  เดือนนี้: 'month',
  เดือนที่แล้ว: 'last_month',
  เดือนก่อน: 'last_month',
  ปีงบประมาณ: 'fiscal_year',
  ปีงบประมาณนี้: 'fiscal_year',
  ปีงบ: 'fiscal_year',
};

const bodyWords: [RegExp, OutsideBody][] = [
  [/^(ป\.?ป\.?ช\.?|nacc)$/i, 'nacc'],
  [/^(ป\.?ป\.?ท\.?|pacc)$/i, 'pacc'],
  [/^(ศูนย์)?ดำรงธรรม$/, 'damrongdhama'],
  [/^(นายอำเภอ|อำเภอ)$/, 'district'],
  [/^(ผู้ว่า(ราชการจังหวัด)?|จังหวัด)$/, 'province'],
  [/^(หน่วยงานอื่น|อื่น ?ๆ?|other)$/i, 'other'],
];

const outcomeWords: [RegExp, CaseOutcome][] = [
  [/^(แก้ไขแล้ว|แก้ไขเสร็จ|เสร็จแล้ว)$/, 'resolved'],
  [/^(ไม่มีมูล|ไม่มีมูลความจริง)$/, 'not_substantiated'],
  [/^(ส่งต่อแล้ว|ส่งต่อ)$/, 'referred'],
  [/^(ซ้ำ|เรื่องซ้ำ|ซ้ำกับเรื่องเดิม)$/, 'duplicate'],
  [/^(นอกอำนาจ|นอกอำนาจหน้าที่)$/, 'outside_authority'],
];

/** A role named at the start of `text` (the longest matching word wins), with what follows. */
export function leadingRole(text: string): { role: StaffRole | null; rest: string } {
  let best: { role: StaffRole; word: string } | null = null;
  for (const role of staffRoles) {
    for (const word of roleWords[role]) {
      const hit =
        text.toLowerCase() === word.toLowerCase() || text.toLowerCase().startsWith(`${word.toLowerCase()} `);
      if (hit && (!best || word.length > best.word.length)) best = { role, word };
    }
  }
  return best ? { role: best.role, rest: text.slice(best.word.length).trim() } : { role: null, rest: text };
}

/** The outside body a word names. */
export const bodyFromWord = (word: string) => bodyWords.find(([re]) => re.test(word.trim()))?.[1] ?? null;

/** The outcome a word names. */
export const outcomeFromWord = (word: string) =>
  outcomeWords.find(([re]) => re.test(word.trim()))?.[1] ?? null;

const after = (text: string, word: string) =>
  text === word ? '' : text.startsWith(`${word} `) ? text.slice(word.length + 1).trim() : null;

/** Parses a normalised text; null when it is not a staff command. */
export function parseStaffCommand(text: string): StaffCommand | null {
  let rest = after(text, 'ลงทะเบียนเจ้าหน้าที่');
  if (rest !== null) return { kind: 'register', code: rest ? parseInviteCode(rest) : null };
  rest = after(text, 'เชิญเจ้าหน้าที่');
  if (rest !== null) return { kind: 'invite', ...leadingRole(rest) };
  rest = after(text, 'ลบเจ้าหน้าที่');
  if (rest !== null) return { kind: 'remove', target: rest };
  if (text === 'รายชื่อเจ้าหน้าที่') return { kind: 'list_staff' };
  if (text === 'คำสั่งเจ้าหน้าที่') return { kind: 'help' };
  if (text === 'เรื่องใหม่' || text === 'เรื่องรอรับ') return { kind: 'new_cases' };
  rest = after(text, 'ผูกกลุ่ม');
  if (rest !== null) return { kind: 'bind', code: rest ? parseInviteCode(rest) : null, typed: rest !== '' };
  rest = after(text, 'รายงานสรุป');
  if (rest !== null) return { kind: 'report', period: reportPeriodWords[rest] ?? 'month' };
  rest = after(text, 'ตั้งค่าเตือนเกินกำหนด');
  if (rest !== null) return { kind: 'reminders', policy: reminderWords[rest] ?? null };
  rest = after(text, 'ตั้งค่าแจ้งเตือน');
  if (rest !== null) return { kind: 'policy', policy: policyWords[rest] ?? null };
  for (const [word, verb] of caseVerbs) {
    rest = after(text, word);
    if (rest === null) continue;
    const [token = '', ...tail] = rest.split(' ');
    // "เรื่อง" alone starts many sentences: only a tracking code after it makes it a command.
    const code = parseTrackingCode(token);
    if (verb === 'view' && !code) return null;
    return { kind: 'case', verb, code, rest: tail.join(' ').trim() };
  }
  return null;
}
