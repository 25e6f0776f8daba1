import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { actionsIn, imageEvent, textOf, videoEvent } from './support/complaint';
import { photo, resident } from './support/complaint-steps';
import { caseByCode, caseEvents } from './support/cases';
import { countRows } from './support/db';
import { demoStaff, useStaff } from './support/roster';
import { billableTo, lastSeq, messagesIn } from './support/staff';
import { asUser } from './support/staff-api';
import { bubblesOf, filedInChat } from './support/tracking';

const org = useOrg('mueang-chan');
const { officer, integrity, admin } = useStaff(org, {
  officer: { ...demoStaff.officer, name: 'ช่างไฟ' },
  integrity: demoStaff.integrity,
  admin: demoStaff.admin,
});
const INFO = 'ส่งข้อมูลเพิ่มเติม';
const files = (id: number) => countRows('complaint_attachments', 'complaint_id = ? and draft_id is null', id);

describe('"ส่งข้อมูลเพิ่มเติม" in the chat', () => {
  it('records the next text on one’s own open case and tells the assignee, without who sent it', async () => {
    const { who, code } = await filedInChat(org.slug, 'grievance');
    expect(textOf(await officer.say(`รับเรื่อง ${code}`))).toContain(`รับเรื่อง ${code} แล้ว`);
    const card = await who.say(code);
    expect(actionsIn(card).map((a) => a.label)).toContain(INFO);
    expect(textOf(await who.tap(INFO))).toContain(`พิมพ์ข้อมูลเพิ่มเติม หรือส่งรูปภาพสำหรับเรื่อง ${code}`);

    // Too long: said so, nothing recorded, the window stays open.
    expect(textOf(await who.say('ก'.repeat(2001)))).toContain('ยาวเกิน 2,000 ตัวอักษร');
    // A menu word is the menu's, not information.
    expect(bubblesOf(await who.say('ติดตามเรื่อง'))).toHaveLength(1);
    expect(await caseEvents(code, 'info_added')).toHaveLength(0);

    const since = await lastSeq(org.slug);
    const ok = await who.say('หลอดไฟดับมาสามคืนแล้ว เสาหมายเลข 12');
    expect(textOf(ok)).toContain(`ได้รับข้อมูลเพิ่มเติมสำหรับเรื่อง ${code} แล้ว เจ้าหน้าที่จะได้รับแจ้ง`);
    const c = await caseByCode(code);
    expect(await caseEvents(code, 'info_added')).toEqual([
      expect.objectContaining({ actor_ref: 'reporter', note: 'หลอดไฟดับมาสามคืนแล้ว เสาหมายเลข 12' }),
    ]);
    expect(c.status).toBe('accepted');
    const toOfficer = await messagesIn(org.slug, officer.userId, since);
    expect(textOf(toOfficer)).toContain(`ผู้ร้องเรียนส่งข้อมูลเพิ่มเติมในเรื่อง ${code}`);
    expect(textOf(toOfficer)).toContain('เสาหมายเลข 12');
    expect(JSON.stringify(toOfficer)).not.toContain(who.userId);
    expect(await billableTo(org.slug, [officer.userId], since)).toBe(1);

    // The staff detail shows it as the complainant's, with its text.
    const detail = await asUser(org.slug, officer.userId, `/cases/${c.id}`);
    expect(detail.json.timeline).toContainEqual(
      expect.objectContaining({
        actor: 'ผู้ร้องเรียน',
        action: 'info_added',
        note: 'หลอดไฟดับมาสามคืนแล้ว เสาหมายเลข 12',
      }),
    );
    // The text closed the window: the next text is not information any more.
    expect(textOf(await who.say('อีกเรื่องหนึ่ง'))).not.toContain('ได้รับข้อมูลเพิ่มเติม');
    expect(await caseEvents(code, 'info_added')).toHaveLength(1);
  });

  it('takes photos as files of the case and refuses video; the handler hears of the photo once', async () => {
    const { who, code } = await filedInChat(org.slug, 'grievance');
    const id = (await caseByCode(code)).id as number;
    await who.say(code);
    await who.tap(INFO);
    expect(textOf(await who.send([videoEvent]))).toContain('ยังส่งวิดีโอและไฟล์เสียงถึงเจ้าหน้าที่ไม่ได้');
    const sticker = { type: 'message', message: { type: 'sticker', packageId: '446', stickerId: '1988' } };
    expect(textOf(await who.send([sticker]))).toContain('ได้เฉพาะข้อความ รูปภาพ และไฟล์ PDF');
    expect(await files(id)).toBe(0);
    const since = await lastSeq(org.slug);
    expect(textOf(await who.send([imageEvent(photo)]))).toContain(`ได้รับรูปภาพสำหรับเรื่อง ${code} แล้ว`);
    expect(await files(id)).toBe(1);
    // Unassigned grievance: the unit's officers, as a new case would reach.
    const toOfficer = await messagesIn(org.slug, officer.userId, since);
    expect(textOf(toOfficer)).toContain(`ผู้ร้องเรียนส่งรูปเพิ่มเติมในเรื่อง ${code}`);
    expect(JSON.stringify(toOfficer)).not.toContain(who.userId);
    // The photo leaves the window open for a word about it.
    expect(textOf(await who.say('รูปเสาต้นที่ดับ'))).toContain('ได้รับข้อมูลเพิ่มเติม');
  });

  it('an anonymous tip: only after code and PIN in this chat, relayed to integrity officers only', async () => {
    const tip = await filedInChat(org.slug, 'corruption');
    // The filer's own account cannot start it without the PIN (anonymous cases have no owner).
    const refused = await tip.who.chat.postback(`track|info|${tip.code}`);
    expect(textOf(refused)).toContain('ส่งข้อมูลเพิ่มเติมสำหรับเรื่องนี้ไม่ได้');
    await tip.who.say(tip.code);
    const opened = await tip.who.say(tip.pin);
    expect(actionsIn(opened).map((a) => a.label)).toContain(INFO);
    await tip.who.tap(INFO);
    const since = await lastSeq(org.slug);
    expect(textOf(await tip.who.say('ผู้รับเหมาเป็นญาติของรองนายก'))).toContain('ได้รับข้อมูลเพิ่มเติม');
    expect(await caseEvents(tip.code, 'info_added')).toHaveLength(1);
    const toIntegrity = await messagesIn(org.slug, integrity.userId, since);
    expect(textOf(toIntegrity)).toContain('ผู้รับเหมาเป็นญาติของรองนายก');
    expect(JSON.stringify(toIntegrity)).not.toContain(tip.who.userId);
    expect(await messagesIn(org.slug, officer.userId, since)).toHaveLength(0);
    expect(await messagesIn(org.slug, admin.userId, since)).toHaveLength(0);
  });

  it('refuses another person’s case and a closed case, recording nothing', async () => {
    const { who, code } = await filedInChat(org.slug, 'grievance');
    const stranger = resident(org.slug);
    expect(textOf(await stranger.chat.postback(`track|info|${code}`))).toContain(
      'ส่งข้อมูลเพิ่มเติมสำหรับเรื่องนี้ไม่ได้',
    );
    expect(textOf(await stranger.say('ข้อมูลปลอม'))).not.toContain('ได้รับข้อมูลเพิ่มเติม');

    await who.say(code);
    const stale = who.last;
    await admin.say(`ปิดเรื่อง ${code} แก้ไขแล้ว เปลี่ยนหลอดไฟแล้ว`);
    expect(actionsIn(await who.say(code)).map((a) => a.label)).not.toContain(INFO);
    const late = await who.chat.postback(actionsIn(stale).find((a) => a.label === INFO)!.data);
    expect(textOf(late)).toContain(`เรื่อง ${code} ปิดแล้ว จึงส่งข้อมูลเพิ่มเติมไม่ได้`);
    expect(await caseEvents(code, 'info_added')).toHaveLength(0);
  });

  it('a case closed while the window is open takes nothing', async () => {
    const { who, code } = await filedInChat(org.slug, 'grievance');
    await who.say(code);
    await who.tap(INFO);
    await admin.say(`ปิดเรื่อง ${code} แก้ไขแล้ว เปลี่ยนหลอดไฟแล้ว`);
    expect(textOf(await who.say('ยังดับอยู่'))).toContain('ปิดแล้ว');
    expect(await caseEvents(code, 'info_added')).toHaveLength(0);
  });
});
