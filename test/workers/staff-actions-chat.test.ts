import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { labelsIn, person, textOf } from './support/complaint';
import { conversation } from './support/line';
import { billableTo, buttonData, deskGroup, lastSeq, messagesIn, type StaffChat } from './support/staff';
import { caseByCode } from './support/cases';
import { fileComplaint } from './support/file-complaint';
import { demoStaff, enrollStaff, useStaff } from './support/roster';
import { allRows, firstRow } from './support/db';

const org = useOrg('chanthaburi');

const { admin, one, two } = useStaff(org, {
  admin: demoStaff.admin,
  one: demoStaff.officer,
  two: { ...demoStaff.officer, name: 'ช่างสอง' },
});
let desk: Awaited<ReturnType<typeof deskGroup>>;

beforeAll(async () => {
  desk = await deskGroup(org.slug, admin, [admin.userId, one.userId, two.userId]);
}, 30_000);

/** A resident files a street-light grievance; the card the desk received, and the case code. */
async function newGrievance() {
  const since = await lastSeq(org.slug);
  const { p: r, code } = await fileComplaint(org.slug);
  const card = await messagesIn(org.slug, desk.groupId, since);
  return { r, code, card };
}

const press = (p: StaffChat, data: string) => p.send([{ type: 'postback', postback: { data } }]);
const inDesk = (who: StaffChat) =>
  person(conversation(org.slug, { type: 'group', groupId: desk.groupId, userId: who.userId }));

describe('staff act on a grievance from chat', () => {
  it('accept from the desk card, then an old card is refused and changes nothing', async () => {
    const { r, code, card } = await newGrievance();
    const since = await lastSeq(org.slug);
    const accepted = await inDesk(one).chat.postback(buttonData(card, 'รับเรื่อง'));
    expect(textOf(accepted)).toContain(`ช่างหนึ่ง รับเรื่อง ${code} แล้ว`);
    expect(labelsIn(accepted)).toContain('แจ้งความคืบหน้า');
    expect((await caseByCode(code)).status).toBe('accepted');
    expect((await caseByCode(code)).assignee_id).toBe(one.staffId);
    // The complainant hears it from the organisation, not from a person.
    const toResident = textOf(await messagesIn(org.slug, r.userId, since));
    expect(toResident).toContain(`${org.name} รับเรื่องเลขรับ ${code} ของท่านไว้ดำเนินการแล้ว`);
    expect(toResident).not.toContain('ช่างหนึ่ง');

    const stale = await inDesk(two).chat.postback(buttonData(card, 'รับเรื่อง'));
    expect(textOf(stale)).toContain('ข้อมูลที่เห็นไม่เป็นปัจจุบันแล้ว');
    expect((await caseByCode(code)).assignee_id).toBe(one.staffId);
  });

  it('two officers pressing accept at once: one owner, one clear refusal', async () => {
    const { code, card } = await newGrievance();
    const data = buttonData(card, 'รับเรื่อง');
    // Each in their own 1:1 chat (in the group both would read both answers).
    const [a, b] = await Promise.all([one.chat.postback(data), two.chat.postback(data)]);
    const texts = [textOf(a), textOf(b)];
    expect(texts.filter((t) => t.includes(`รับเรื่อง ${code} แล้ว`))).toHaveLength(1);
    expect(texts.filter((t) => /ไม่เป็นปัจจุบัน|มีผู้รับเรื่องแล้ว/.test(t))).toHaveLength(1);
    const events = await firstRow(
      "select count(*) as n from complaint_events e join complaints c on c.id = e.complaint_id where c.code = ? and e.action = 'accepted'",
      code,
    );
    expect(events).toEqual({ n: 1 });
    expect((await caseByCode(code)).version).toBe(2);
  });

  it('ask for information, the answer comes back to the officer only; update, forward, close, reopen', async () => {
    const { r, code, card } = await newGrievance();
    const officer = inDesk(one);
    let last = await officer.chat.postback(buttonData(card, 'รับเรื่อง'));
    const asked = await officer.chat.postback(buttonData(last, 'ขอข้อมูลเพิ่ม'));
    expect(textOf(asked)).toContain('พิมพ์คำถามถึงผู้ร้องเรียน');
    let since = await lastSeq(org.slug);
    last = await officer.say('ไฟดับกี่ต้น ตรงหน้าบ้านเลขที่เท่าไร');
    expect(textOf(last)).toContain('ส่งคำถามถึงผู้ร้องเรียน');
    expect((await caseByCode(code)).status).toBe('awaiting_info');
    expect(textOf(await messagesIn(org.slug, r.userId, since))).toContain('ไฟดับกี่ต้น ตรงหน้าบ้านเลขที่เท่าไร');

    // A sticker is not an answer (only text is relayed), and the question stays open.
    const sticker = await r.send([
      { type: 'message', message: { type: 'sticker', packageId: '446', stickerId: '1988' } },
    ]);
    expect(textOf(sticker)).toContain('เฉพาะข้อความ');
    expect((await caseByCode(code)).status).toBe('awaiting_info');
    since = await lastSeq(org.slug);
    const ack = await r.say('ดับ 3 ต้น หน้าบ้านเลขที่ 12/4');
    expect(textOf(ack)).toContain('ส่งข้อความของท่านถึงเจ้าหน้าที่');
    const forwarded = textOf(await messagesIn(org.slug, one.userId, since));
    expect(forwarded).toContain(`ผู้ร้องเรียนตอบกลับเรื่อง ${code}`);
    expect(forwarded).toContain('ดับ 3 ต้น หน้าบ้านเลขที่ 12/4');
    expect(forwarded).not.toContain(r.userId);
    expect(await messagesIn(org.slug, desk.groupId, since)).toEqual([]);
    expect((await caseByCode(code)).status).toBe('in_progress');
    // The next message is the bot's again (the question was answered).
    expect(textOf(await r.say('ขอบคุณครับ'))).toContain('ขออภัย');

    // The question was pushed a moment ago: the update and the forwarding wait for the merge window
    // (lib/notice-merge.ts), and the result, which goes at once, takes them along in the same push.
    since = await lastSeq(org.slug);
    const updated = textOf(await one.say(`แจ้งความคืบหน้า ${code} ช่างจะเข้าซ่อมพรุ่งนี้เช้า`));
    expect(updated).toContain(`บันทึกความคืบหน้าเรื่อง ${code} แล้ว`);
    expect(updated).toContain('ระบบจะรวมการเปลี่ยนแปลงช่วงนี้เป็นข้อความเดียว');
    expect(await messagesIn(org.slug, r.userId, since)).toEqual([]);

    last = await one.say(`เรื่อง ${code}`);
    last = await press(one, buttonData(last, 'ส่งต่อหน่วยงานภายนอก'));
    last = await one.tap('ศูนย์ดำรงธรรม');
    expect(textOf(last)).toContain('พิมพ์เลขที่หนังสือ');
    last = await one.say('ศธ 0123/456');
    expect((await caseByCode(code)).status).toBe('forwarded');

    expect(await messagesIn(org.slug, r.userId, since)).toEqual([]);
    last = await press(one, buttonData(last, 'ปิดเรื่อง'));
    last = await one.tap('แก้ไขแล้ว');
    last = await one.say('เปลี่ยนหลอดไฟครบ 3 ต้นแล้ว');
    expect(textOf(last)).toContain(`ปิดเรื่อง ${code} แล้ว (ผล: แก้ไขแล้ว)`);
    expect((await caseByCode(code)).status).toBe('resolved');
    const told = await messagesIn(org.slug, r.userId, since);
    const result = textOf(told);
    expect(result).toContain('ช่างจะเข้าซ่อมพรุ่งนี้เช้า');
    expect(result).toContain('ศธ 0123/456');
    expect(result).toContain('ผล: แก้ไขแล้ว');
    expect(result).toContain('เปลี่ยนหลอดไฟครบ 3 ต้นแล้ว');
    // Three changes, one push: one billable message.
    expect(told.map((m) => m.via)).toEqual(['push', 'push', 'push']);
    expect(await billableTo(org.slug, [r.userId], since)).toBe(1);

    expect(textOf(await two.say(`เปิดเรื่องใหม่ ${code}`))).toContain('เฉพาะผู้รับผิดชอบ');
    expect(textOf(await one.say(`เปิดเรื่องใหม่ ${code}`))).toContain(`เปิดเรื่อง ${code} อีกครั้งแล้ว`);
    const timeline = await allRows(
      'select e.action, e.actor_type, e.from_status, e.to_status from complaint_events e join complaints c on c.id = e.complaint_id where c.code = ? order by e.id',
      code,
    );
    expect(timeline.map((e) => `${e.action}:${e.from_status ?? '-'}>${e.to_status}`)).toEqual([
      'submitted:->received',
      'accepted:received>accepted',
      'info_requested:accepted>awaiting_info',
      'info_received:awaiting_info>in_progress',
      'progress_update:in_progress>in_progress',
      'forwarded:in_progress>forwarded',
      'closed:forwarded>resolved',
      'reopened:resolved>in_progress',
    ]);
  }, 30_000);

  it('an admin assigns from the card; the new owner hears it 1:1; routing to a unit makes it new there', async () => {
    const { code, card } = await newGrievance();
    let last = await inDesk(admin).chat.postback(buttonData(card, 'มอบหมาย'));
    expect(labelsIn(last)).toEqual(expect.arrayContaining(['ช่างหนึ่ง', 'ช่างสอง', 'กองช่าง']));
    const since = await lastSeq(org.slug);
    last = await inDesk(admin).chat.postback(buttonData(last, 'ช่างสอง'));
    expect(textOf(last)).toContain(`มอบหมายเรื่อง ${code} แล้ว (ช่างสอง)`);
    expect(textOf(await messagesIn(org.slug, two.userId, since))).toContain(`ผู้ดูแล มอบหมายเรื่อง ${code}`);
    expect(textOf(await two.say(`มอบหมาย ${code} กองสาธารณสุข`))).toContain('มอบหมายเรื่อง');
    const row = await caseByCode(code);
    expect([row.status, row.assignee_id]).toEqual(['received', null]);
    // Now the health unit's case: the street-light officers may no longer act on it.
    expect(textOf(await one.say(`รับเรื่อง ${code}`))).toContain('ไม่มีสิทธิ์');
  });

  it('a removed member and a staff member of another organisation are refused', async () => {
    const { code, card } = await newGrievance();
    await admin.say(`ลบเจ้าหน้าที่ #${two.staffId}`);
    expect(textOf(await inDesk(two).chat.postback(buttonData(card, 'รับเรื่อง')))).toContain(
      'เฉพาะเจ้าหน้าที่ที่ลงทะเบียนแล้ว',
    );
    expect(textOf(await two.say(`รับเรื่อง ${code}`))).toContain('เฉพาะเจ้าหน้าที่ที่ลงทะเบียนแล้ว');
    // An admin of another organisation, pressing this organisation's button in their own channel.
    const { stranger } = await enrollStaff(useOrg('trang'), { stranger: 'admin' });
    const foreign = await stranger.chat.postback(buttonData(card, 'รับเรื่อง'));
    expect(textOf(foreign)).toMatch(/เฉพาะเจ้าหน้าที่|ไม่พบเรื่องนี้/);
    expect((await caseByCode(code)).status).toBe('received');
  });
});
