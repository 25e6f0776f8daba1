import { describe, expect, it } from 'vitest';
import { complaintSubmission, normalizeThaiPhone, submissionErrors } from '../../schema/contracts/complaint';
import { classifyEvent } from '../../worker/bot/complaint/classify';
import { encodePostback, parsePostback } from '../../worker/bot/complaint/postback-data';
import { checkBytes, precheckFile, sniffEvidence } from '../../worker/complaints/evidence-rules';

describe('submission contract (shared with the LIFF form)', () => {
  const base = {
    submissionKey: 'abcdefghijklmnopqrstuvwxyz',
    track: 'corruption',
    categoryCode: 'bribery',
    description: 'เจ้าหน้าที่เรียกเงินค่าอนุมัติใบอนุญาต',
    identity: { mode: 'anonymous' },
    consent: true,
  };

  it.each<[string, Record<string, unknown>, Record<string, string> | null]>([
    ['a complete anonymous report', {}, null],
    ['a short description', { description: 'สั้นไป' }, { description: 'กรุณาเล่าเหตุการณ์อย่างน้อย 10 ตัวอักษร' }],
    [
      'a description over 2,000',
      { description: 'ก'.repeat(2001) },
      { description: 'รายละเอียดยาวได้ไม่เกิน 2,000 ตัวอักษร' },
    ],
    ['no consent', { consent: false }, { consent: 'ต้องยินยอมตามประกาศความเป็นส่วนตัวก่อนส่งเรื่อง' }],
    [
      'a place over 300',
      { place: { text: 'ก'.repeat(301) } },
      { 'place.text': 'สถานที่ยาวได้ไม่เกิน 300 ตัวอักษร' },
    ],
    [
      'confidential without a phone',
      { identity: { mode: 'confidential', name: 'สมศรี ใจกล้า' } },
      { 'identity.phone': 'กรุณาระบุเบอร์โทรศัพท์' },
    ],
    [
      'confidential with a bad phone',
      { identity: { mode: 'confidential', name: 'สมศรี ใจกล้า', phone: '12345' } },
      { 'identity.phone': 'เบอร์โทรศัพท์ไม่ถูกต้อง เช่น 0812345678' },
    ],
    [
      'identified on the corruption track',
      { identity: { mode: 'identified' } },
      { identity: 'กรุณาเลือกการเปิดเผยตัวตน' },
    ],
    [
      'anonymous on the general track',
      { track: 'grievance', categoryCode: 'road' },
      { identity: 'เรื่องร้องทุกข์ทั่วไปไม่มีตัวเลือกนี้' },
    ],
    ['an impossible date', { occurred: { date: '2026-13-40' } }, { 'occurred.date': 'วันที่ไม่ถูกต้อง' }],
  ])('%s', (_name, change, errors) => {
    const result = complaintSubmission.safeParse({ ...base, ...change });
    if (errors === null) expect(result.success).toBe(true);
    else {
      expect(result.success).toBe(false);
      expect(submissionErrors(result.error!)).toMatchObject(errors);
    }
  });

  it.each([
    ['081-234-5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['02 123 4567', '021234567'],
    ['12345', null],
    ['0812345678901', null],
  ])('phone %s → %s', (typed, normalized) => {
    expect(normalizeThaiPhone(typed)).toBe(normalized);
  });
});

describe('postback data and event classification', () => {
  const draftId = 'abcdefghijklmnopqrstuvwxyz';

  it('round-trips and refuses anything else', () => {
    const data = encodePostback('cat', draftId, 7, 'bribery');
    expect(data.length).toBeLessThanOrEqual(300);
    expect(parsePostback(data)).toEqual({ action: 'cat', draftId, version: 7, arg: 'bribery' });
    for (const bad of [
      '',
      'cf1|cat',
      `cf1|drop|${draftId}|1|`,
      `cf2|cat|${draftId}|1|x`,
      `cf1|cat|${draftId}|x|a`,
    ]) {
      expect(parsePostback(bad)).toBeNull();
    }
    expect(parsePostback(`cf1|cat|${draftId}|1|'; drop table`)).toBeNull();
  });

  const message = (m: Record<string, unknown>) => ({ type: 'message', message: { id: '1', ...m } });
  it.each<[string, unknown, unknown]>([
    [
      'the welcome quick reply',
      message({ type: 'text', text: 'ร้องเรียนการทุจริต' }),
      { kind: 'entry', track: 'corruption' },
    ],
    [
      'a typed entry with spaces',
      message({ type: 'text', text: ' ร้องทุกข์ ทั่วไป ' }),
      { kind: 'entry', track: 'grievance' },
    ],
    ['an ambiguous entry', message({ type: 'text', text: 'ร้องเรียน' }), { kind: 'entry' }],
    ['a typed cancel', message({ type: 'text', text: 'ยกเลิก' }), { kind: 'flow', input: { kind: 'cancel' } }],
    ['a typed back', message({ type: 'text', text: 'แก้ไข' }), { kind: 'flow', input: { kind: 'back' } }],
    ['a typed continue', message({ type: 'text', text: 'ทำต่อ' }), { kind: 'resume' }],
    [
      'free text',
      message({ type: 'text', text: 'ถนนหน้าบ้านเป็นหลุม' }),
      { kind: 'flow', input: { kind: 'text', text: 'ถนนหน้าบ้านเป็นหลุม' } },
    ],
    [
      'a sticker',
      message({ type: 'sticker', packageId: '1', stickerId: '1' }),
      { kind: 'flow', input: { kind: 'unsupported' } },
    ],
    [
      'a video',
      message({ type: 'video' }),
      { kind: 'flow', input: { kind: 'unsupported' }, refused: 'video' },
    ],
    [
      'a location',
      message({ type: 'location', title: 'ตลาด', address: 'ถนนพระราม', latitude: 7.5, longitude: 99.6 }),
      {
        kind: 'flow',
        input: { kind: 'location', title: 'ตลาด', address: 'ถนนพระราม', latitude: 7.5, longitude: 99.6 },
      },
    ],
    ['a foreign postback', { type: 'postback', postback: { data: 'plan=1' } }, { kind: 'foreign' }],
    [
      'a date picker',
      {
        type: 'postback',
        postback: { data: encodePostback('date', draftId, 3), params: { date: '2026-11-20' } },
      },
      { kind: 'flow', input: { kind: 'date', date: '2026-11-20' } },
    ],
  ])('%s', (_name, event, expected) => {
    expect(classifyEvent(event as never)).toMatchObject(expected as object);
  });
});

describe('evidence rules', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]);
  const pdf = new TextEncoder().encode('%PDF-1.7');
  it.each<[string, 'image' | 'file', Uint8Array, string]>([
    ['a JPEG image', 'image', jpeg, 'image/jpeg'],
    ['a PDF file', 'file', pdf, 'application/pdf'],
    ['a PDF sent as an image', 'image', pdf, 'unsupported_type'],
    ['a zip (docx) file', 'file', new TextEncoder().encode('PK\u0003\u0004'), 'unsupported_type'],
    ['an empty body', 'image', new Uint8Array(0), 'unsupported_type'],
  ])('%s', (_name, kind, bytes, expected) => {
    expect(checkBytes(kind, bytes)).toBe(expected);
  });

  it.each([
    ['report.pdf', 1000, null],
    ['photo.JPG', 1000, null],
    ['letter.docx', 1000, 'word_document'],
    ['clip.mp4', 1000, 'unsupported_type'],
    ['big.pdf', 21 * 1024 * 1024, 'too_large'],
  ])('file %s (%i bytes) → %s', (name, size, expected) => {
    expect(precheckFile(name, size)).toBe(expected);
  });

  it('sniffs PNG too', () => {
    expect(sniffEvidence(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
  });
});
