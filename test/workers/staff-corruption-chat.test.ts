import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { textOf } from './support/complaint';
import { buttonData, deskGroup, lastSeq, messagesIn, type StaffChat } from './support/staff';
import { caseByCode } from './support/cases';
import { fileComplaint } from './support/file-complaint';
import { useStaff } from './support/roster';
import { allRows, firstRow } from './support/db';

const org = useOrg('lampang');

const { admin, officer, integrity, colleague } = useStaff(org, {
  admin: 'admin',
  officer: { roles: ['officer'], unit: 'clerk' },
  integrity: { roles: ['integrity', 'officer'], unit: 'clerk', name: 'ผู้ตรวจ' },
  colleague: 'integrity',
});
let desk: Awaited<ReturnType<typeof deskGroup>>;

beforeAll(async () => {
  desk = await deskGroup(org.slug, admin, [admin.userId, officer.userId, integrity.userId]);
}, 30_000);

const press = (p: StaffChat, data: string) => p.send([{ type: 'postback', postback: { data } }]);

describe('the corruption track in chat', () => {
  it('reaches only integrity officers; others cannot open it; the anonymous reporter is reached both ways', async () => {
    const since = await lastSeq(org.slug);
    const { p: reporter, code } = await fileComplaint(org.slug, 'corruption');
    expect(await messagesIn(org.slug, desk.groupId, since)).toEqual([]);
    expect(await messagesIn(org.slug, officer.userId, since)).toEqual([]);
    const card = await messagesIn(org.slug, integrity.userId, since);
    expect(textOf(card)).toContain(code);

    for (const outsider of [admin, officer]) {
      expect(textOf(await outsider.say(`เรื่อง ${code}`))).toContain('ไม่มีสิทธิ์');
      expect(textOf(await outsider.chat.postback(buttonData(card, 'รับเรื่อง')))).toContain('ไม่มีสิทธิ์');
    }
    // Not even an integrity officer works a corruption case in the group.
    const inGroup = desk.inGroup(integrity.userId);
    expect(textOf(await inGroup.say(`เรื่อง ${code}`))).toContain('เฉพาะในแชตส่วนตัว');
    expect(textOf(await inGroup.chat.postback(buttonData(card, 'รับเรื่อง')))).toContain('เฉพาะในแชตส่วนตัว');
    expect((await caseByCode(code)).status).toBe('received');

    let last = await press(integrity, buttonData(card, 'รับเรื่อง'));
    expect(textOf(last)).toContain(`ผู้ตรวจ รับเรื่อง ${code} แล้ว`);
    last = await press(integrity, buttonData(last, 'ขอข้อมูลเพิ่ม'));
    let mark = await lastSeq(org.slug);
    last = await integrity.say('เหตุการณ์เกิดขึ้นวันไหน มีพยานหรือไม่');
    const question = textOf(await messagesIn(org.slug, reporter.userId, mark));
    expect(question).toContain('เหตุการณ์เกิดขึ้นวันไหน มีพยานหรือไม่');
    expect(question).not.toContain('ผู้ตรวจ');

    mark = await lastSeq(org.slug);
    await reporter.say('วันที่ 3 มีนาคม มีพยาน 2 คน');
    const relayed = await messagesIn(org.slug, integrity.userId, mark);
    expect(textOf(relayed)).toContain('วันที่ 3 มีนาคม มีพยาน 2 คน');
    expect(JSON.stringify(relayed)).not.toContain(reporter.userId);
    expect(await messagesIn(org.slug, colleague.userId, mark)).toEqual([]);

    // Opening the case is audited.
    last = await integrity.say(`เรื่อง ${code}`);
    const views = await allRows('select staff_id, via from case_views where org_id = ?', org.id);
    expect(views).toEqual([{ staff_id: integrity.staffId, via: 'chat' }]);

    // Handing over goes to integrity officers only.
    last = await press(integrity, buttonData(last, 'มอบหมาย'));
    expect(textOf(last)).toContain(`มอบหมายเรื่อง ${code} ให้ใคร`);
    expect(JSON.stringify(last)).not.toContain('กองช่าง');
    expect(JSON.stringify(last)).not.toContain(officer.userId);
    expect(textOf(await integrity.say(`มอบหมาย ${code} กองช่าง`))).toContain(
      'มอบหมายได้เฉพาะเจ้าหน้าที่ป้องกันการทุจริต',
    );
    last = await integrity.say(`ส่งต่อ ${code} ปปช ปช 0011/2569`);
    expect((await caseByCode(code)).status).toBe('forwarded');
    last = await integrity.say(`ปิดเรื่อง ${code} ส่งต่อแล้ว ส่งเรื่องให้สำนักงาน ป.ป.ช. ดำเนินการตามอำนาจหน้าที่แล้ว`);
    expect((await caseByCode(code)).status).toBe('closed');
    const all = textOf(await messagesIn(org.slug, reporter.userId, 0));
    expect(all).toContain('ส่งเรื่องเลขรับ');
    expect(all).toContain('สำนักงาน ป.ป.ช.');
    expect(all).toContain('ผล: ส่งต่อหน่วยงานอื่นแล้ว');
  }, 30_000);

  it('closing as a duplicate needs the original case', async () => {
    const mk = async () => (await fileComplaint(org.slug, 'corruption')).code;
    const first = await mk();
    const second = await mk();
    expect(textOf(await colleague.say(`ปิดเรื่อง ${second} ซ้ำ ไม่มีเลข`))).toContain('เลขรับเรื่องเดิม');
    expect(textOf(await colleague.say(`ปิดเรื่อง ${second} ซ้ำ ${first} รวมกับเรื่องเดิมแล้ว`))).toContain(
      'ผล: ซ้ำกับเรื่องเดิม',
    );
    const row = await firstRow(
      'select h.outcome, d.code as original from case_handling h join complaints c on c.id = h.complaint_id join complaints d on d.id = h.duplicate_of where c.code = ?',
      second,
    );
    expect(row).toEqual({ outcome: 'duplicate', original: first });
  });
});
