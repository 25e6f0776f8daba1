import { describe, expect, it } from 'vitest';
import { encodeStaffPostback, parseStaffPostback } from '../../worker/cases/cards/staff-postback';
import { fitLabel } from '../../worker/cases/cards/label';
import { newTrackingCode } from '../../worker/complaints/tracking-code';
import { parseStaffCommand } from '../../worker/cases/command-parse';
import { parseInviteCode } from '../../worker/staff/invites';

const code = newTrackingCode();

describe('staff text commands', () => {
  it.each([
    ['ลงทะเบียนเจ้าหน้าที่ k7qm 4r9p', { kind: 'register', code: 'K7QM-4R9P' }],
    ['ลงทะเบียนเจ้าหน้าที่ 1234', { kind: 'register', code: null }],
    ['เชิญเจ้าหน้าที่ เจ้าหน้าที่รับเรื่อง กองช่าง', { kind: 'invite', role: 'officer', rest: 'กองช่าง' }],
    ['เชิญเจ้าหน้าที่ เจ้าหน้าที่ป้องกันการทุจริต', { kind: 'invite', role: 'integrity', rest: '' }],
    ['เชิญเจ้าหน้าที่', { kind: 'invite', role: null, rest: '' }],
    ['ลบเจ้าหน้าที่ #12', { kind: 'remove', target: '#12' }],
    ['ผูกกลุ่ม', { kind: 'bind', code: null, typed: false }],
    ['ผูกกลุ่ม ABCD-EFGH', { kind: 'bind', code: 'ABCD-EFGH', typed: true }],
    ['ตั้งค่าแจ้งเตือน สรุป', { kind: 'policy', policy: 'digest' }],
    [`รับเรื่อง ${code}`, { kind: 'case', verb: 'accept', code, rest: '' }],
    [`เรื่อง ${code}`, { kind: 'case', verb: 'view', code, rest: '' }],
    [`แจ้งความคืบหน้า ${code} ช่างเข้าซ่อมแล้ว`, { kind: 'case', verb: 'update', code, rest: 'ช่างเข้าซ่อมแล้ว' }],
    [`ปิดเรื่อง ${code} แก้ไขแล้ว ซ่อมครบ`, { kind: 'case', verb: 'close', code, rest: 'แก้ไขแล้ว ซ่อมครบ' }],
    ['รับเรื่อง ABCD-EFGH', { kind: 'case', verb: 'accept', code: null, rest: '' }],
    ['เรื่องใหม่', { kind: 'new_cases' }],
    ['เรื่องรอรับ', { kind: 'new_cases' }],
    [`เปิดเรื่องใหม่ ${code}`, { kind: 'case', verb: 'reopen', code, rest: '' }],
    ['เรื่องใหม่ ๆ ในซอย', null],
    ['เรื่องไฟดับหน้าบ้าน', null],
    ['เรื่อง ไฟดับหน้าบ้าน', null],
    ['สวัสดี', null],
  ])('%s', (text, expected) => {
    expect(parseStaffCommand(text)).toEqual(expected);
  });

  it('invite codes use the look-alike-free alphabet', () => {
    expect(parseInviteCode('k7qm-4r9p')).toBe('K7QM-4R9P');
    expect(parseInviteCode('K7QM-4R9O')).toBeNull();
  });
});

describe('staff postback data', () => {
  it('round-trips and refuses anything else', () => {
    const data = encodeStaffPostback('clso', 42, 7, 'not_substantiated');
    expect(data.length).toBeLessThanOrEqual(300);
    expect(parseStaffPostback(data)).toEqual({
      action: 'clso',
      caseId: 42,
      version: 7,
      arg: 'not_substantiated',
    });
    for (const bad of [
      'sa1|drop|1|1|',
      'sa1|acc|x|1|',
      'sa1|acc|1|1|<b>',
      'sa1|acc|1|1||extra',
      'cf1|acc|1|1|',
      `sa1|acc|1|1|${'a'.repeat(300)}`,
    ]) {
      expect(parseStaffPostback(bad)).toBeNull();
    }
  });

  it('labels fit LINE’s 20 characters counted as graphemes', () => {
    expect(fitLabel('เจ้าหน้าที่ป้องกันการทุจริต')).toBe('เจ้าหน้าที่ป้องกันการทุจริต');
    expect(fitLabel('ศูนย์ปฏิบัติการต่อต้านการทุจริต (สำนักปลัดเทศบาล)')).toMatch(/…$/);
  });
});
