import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { expectText, labelsIn, textOf } from './support/complaint';
import { resident } from './support/complaint-steps';
import { firstRow } from './support/db';
import { demoStaff, useStaff } from './support/roster';
import { lastSeq, messagesIn } from './support/staff';

const org = useOrg('mueang-chan');
const { integrity, boss } = useStaff(org, { integrity: demoStaff.integrity, boss: demoStaff.executive });

// A corruption report up to the involved step: category, story, no place, no evidence.
async function toInvolved() {
  const p = resident(org.slug);
  await p.say('ร้องเรียนการทุจริต');
  await p.tap('จัดซื้อจัดจ้าง');
  await p.say('มีการแบ่งซื้อแบ่งจ้างโครงการซ่อมถนนเพื่อเลี่ยงการประกวดราคา');
  await p.tap('ข้าม');
  const asked = await p.tap('ไม่มีหลักฐาน');
  return { p, asked };
}

const filed = (userSince: number) =>
  // biome-ignore lint/suspicious/noExplicitAny: a row of many columns, asserted field by field.
  firstRow<any>(
    'select * from complaints where org_id = ? and created_at >= ? order by id desc',
    org.id,
    userSince,
  );

describe('who is involved, in the chat', () => {
  it('role chips alongside the free text; the step count is unchanged; the tip never reaches the executive', async () => {
    const { p, asked } = await toInvolved();
    expectText(asked, 'ขั้นที่ 6/7 · ผู้ถูกร้องเรียน', 'ผู้ถูกร้องเรียนคือใคร', 'หรือพิมพ์ชื่อ ตำแหน่ง หรือหน่วยงาน');
    expect(labelsIn(asked)).toEqual(
      expect.arrayContaining(['นายก/รองนายก', 'ปลัด/รองปลัด', 'สมาชิกสภาท้องถิ่น', 'เจ้าหน้าที่กอง/ฝ่าย', 'ไม่ทราบ']),
    );
    const named = await p.tap('นายก/รองนายก');
    expectText(named, 'ขั้นที่ 6/7', 'ผู้ถูกร้องเรียน: นายก/รองนายก', 'หรือกด "ข้าม"');
    expectText(await p.say('รองนายกฝ่ายโยธา'), 'ขั้นที่ 7/7', 'ท่านต้องการเปิดเผยตัวตนหรือไม่');
    const summary = await p.tap('ไม่เปิดเผยตัวตน');
    expect(textOf(summary)).toContain('นายก/รองนายก: รองนายกฝ่ายโยธา');

    const since = await lastSeq(org.slug);
    const started = Date.now() - 60_000;
    await p.tap('ยืนยันส่งเรื่อง');
    const complaint = await filed(started);
    expect(complaint).toMatchObject({
      involved_role: 'executive',
      involved_unit_id: null,
      involved: 'รองนายกฝ่ายโยธา',
    });
    expect(textOf(await messagesIn(org.slug, integrity.userId, since))).toContain('ผู้บริหารจะไม่เห็นเรื่องนี้');
    expect(await messagesIn(org.slug, boss.userId, since)).toEqual([]);
  });

  it('staff of a unit: the unit chips, then the name can be skipped', async () => {
    const { p } = await toInvolved();
    const units = await p.tap('เจ้าหน้าที่กอง/ฝ่าย');
    expectText(units, 'ผู้ถูกร้องเรียนเป็นเจ้าหน้าที่ของกอง/ฝ่ายใด');
    expect(labelsIn(units)).toContain('กองช่าง');
    expectText(await p.tap('กองช่าง'), 'ผู้ถูกร้องเรียน: เจ้าหน้าที่กอง/ฝ่าย');
    await p.tap('ข้าม');
    const summary = await p.tap('ไม่เปิดเผยตัวตน');
    expect(textOf(summary)).toContain('เจ้าหน้าที่กอง/ฝ่าย (กองช่าง)');
    const started = Date.now() - 60_000;
    await p.tap('ยืนยันส่งเรื่อง');
    const engineering = await firstRow<{ id: number }>(
      "select id from units where org_id = ? and code = 'engineering'",
      org.id,
    );
    expect(await filed(started)).toMatchObject({
      involved_role: 'unit_staff',
      involved_unit_id: engineering!.id,
      involved: null,
    });
  });
});
