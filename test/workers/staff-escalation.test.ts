import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { labelsIn, textOf } from './support/complaint';
import { fileComplaint } from './support/file-complaint';
import { asUser } from './support/staff-api';
import { billableTo, buttonData, lastSeq, messagesIn } from './support/staff';
import { caseByCode, caseEvents } from './support/cases';
import { demoStaff, type Member, useStaff } from './support/roster';

const org = useOrg('chanthaburi');

const { officer, integrity, boss, deputy } = useStaff(org, {
  admin: demoStaff.admin,
  officer: demoStaff.officer,
  integrity: demoStaff.integrity,
  boss: demoStaff.executive,
  deputy: { roles: ['executive'], name: 'รองนายก' },
});

const file = (track: 'grievance' | 'corruption') =>
  fileComplaint(org.slug, track).then(({ p, code }) => ({ r: p, code }));

describe('escalation to executives and their instructions, in chat', () => {
  it('an officer escalates from the card; both executives are told 1:1; an executive instructs back', async () => {
    const { r, code } = await file('grievance');
    const accepted = await officer.say(`รับเรื่อง ${code}`);
    expect(labelsIn(accepted)).toContain('เสนอผู้บริหาร');

    const prompt = await officer.chat.postback(buttonData(accepted, 'เสนอผู้บริหาร'));
    expect(textOf(prompt)).toContain('ขอให้ผู้บริหารพิจารณา');
    const since = await lastSeq(org.slug);
    const done = await officer.say('ต้องใช้งบซ่อมไฟเกินอำนาจอนุมัติของกอง ขอให้พิจารณาอนุมัติงบกลาง');
    expect(textOf(done)).toContain(`บันทึกการเสนอเรื่อง ${code} ต่อผู้บริหารแล้ว`);
    expect(textOf(done)).toContain('ส่งถึงผู้บริหาร 2 ท่านแล้ว');

    // One multicast of two messages: billed per recipient.
    expect(await billableTo(org.slug, [boss.userId, deputy.userId], since)).toBe(2);
    const toBoss = await messagesIn(org.slug, boss.userId, since);
    expect(textOf(toBoss)).toContain('ช่างหนึ่ง เสนอเรื่อง');
    expect(textOf(toBoss)).toContain('ขอให้พิจารณาอนุมัติงบกลาง');
    expect(labelsIn(toBoss)).toContain('สั่งการผู้รับผิดชอบ');
    expect(labelsIn(toBoss)).not.toContain('ปิดเรื่อง');
    // The complainant is not told of internal matters.
    expect(await messagesIn(org.slug, r.userId, since)).toEqual([]);
    const [escalated] = await caseEvents(code, 'escalated');
    expect(escalated).toMatchObject({ actor_ref: String(officer.staffId), from_status: 'accepted' });
    expect(escalated!.to_status).toBe('accepted');

    await boss.chat.postback(buttonData(toBoss, 'สั่งการผู้รับผิดชอบ'));
    const since2 = await lastSeq(org.slug);
    const instructed = await boss.say('อนุมัติงบกลาง ให้ดำเนินการภายในสัปดาห์นี้');
    expect(textOf(instructed)).toContain('แจ้งข้อสั่งการถึงผู้รับผิดชอบแล้ว');
    const toOfficer = await messagesIn(org.slug, officer.userId, since2);
    expect(textOf(toOfficer)).toContain('ผู้บริหาร (นายก) สั่งการเรื่อง');
    expect(textOf(toOfficer)).toContain('อนุมัติงบกลาง');
    expect(await billableTo(org.slug, [officer.userId], since2)).toBe(1);
    expect(await caseEvents(code, 'instructed')).toHaveLength(1);
    expect((await caseByCode(code)).status).toBe('accepted');
  });

  it('only executives instruct; only handlers escalate; typed commands too', async () => {
    const { code } = await file('grievance');
    await officer.say(`รับเรื่อง ${code}`);
    expect(textOf(await officer.say(`สั่งการ ${code} ทำเร็ว ๆ`))).toContain('เฉพาะผู้บริหาร');
    expect(textOf(await boss.say(`เสนอผู้บริหาร ${code} ช่วยดู`))).toContain('เฉพาะผู้รับผิดชอบ');
    const typed = await officer.say(`เสนอผู้บริหาร ${code} ผู้ร้องขู่จะร้องสื่อ`);
    expect(textOf(typed)).toContain('ส่งถึงผู้บริหาร 2 ท่านแล้ว');
    expect(await caseEvents(code, 'instructed')).toHaveLength(0);
    expect(await caseEvents(code, 'escalated')).toHaveLength(1);
  });

  it('a corruption case is escalated 1:1 without the reporter, and not from a closed case', async () => {
    const { r, code } = await file('corruption');
    await integrity.say(`รับเรื่อง ${code}`);
    const since = await lastSeq(org.slug);
    const done = await integrity.say(`เสนอผู้บริหาร ${code} ผู้ถูกร้องเป็นหัวหน้าส่วน ขอตั้งกรรมการสอบ`);
    expect(textOf(done)).toContain('ส่งถึงผู้บริหาร 2 ท่านแล้ว');
    const toDeputy = textOf(await messagesIn(org.slug, deputy.userId, since));
    expect(toDeputy).toContain(code);
    expect(toDeputy).not.toContain(r.userId);
    await integrity.say(`ปิดเรื่อง ${code} ไม่มีมูล ตรวจสอบแล้วไม่พบการเรียกรับเงิน`);
    const after = await integrity.say(`เสนอผู้บริหาร ${code} อีกครั้ง`);
    expect(textOf(after)).toContain('ยุติแล้ว');
  });
});

describe('escalation and instruction through the staff API', () => {
  it('version-checked, role-checked, reported back', async () => {
    const { code } = await file('grievance');
    await officer.say(`รับเรื่อง ${code}`);
    const { id, version } = await caseByCode(code);
    const act = (who: Member, body: object) => asUser(org.slug, who.userId, `/cases/${id}/actions`, { body });

    const detail = await asUser(org.slug, officer.userId, `/cases/${id}`);
    expect(detail.json.allowed).toContain('escalate');
    expect(detail.json.allowed).not.toContain('instruct');
    const bossView = await asUser(org.slug, boss.userId, `/cases/${id}`);
    expect(bossView.json.allowed).toEqual(['instruct']);

    expect((await act(officer, { action: 'escalate', version, message: '' })).status).toBe(422);
    const ok = await act(officer, { action: 'escalate', version, message: 'ขอความเห็นชอบ' });
    expect(ok.status).toBe(200);
    expect(ok.json.notified).toBe('ส่งถึงผู้บริหาร 2 ท่านแล้ว');
    expect(ok.json.timeline.at(-1)).toMatchObject({ action: 'escalated', note: 'ขอความเห็นชอบ' });

    const stale = await act(boss, { action: 'instruct', version, message: 'เห็นชอบ' });
    expect(stale.status).toBe(409);
    const refused = await act(officer, { action: 'instruct', version: version + 1, message: 'x' });
    expect(refused.status).toBe(403);
    const instructed = await act(boss, { action: 'instruct', version: version + 1, message: 'เห็นชอบ' });
    expect(instructed.status).toBe(200);
    expect(instructed.json.notified).toBe('แจ้งข้อสั่งการถึงผู้รับผิดชอบแล้ว');
    expect(await caseEvents(code, 'instructed')).toEqual([
      expect.objectContaining({ actor_ref: String(boss.staffId), note: 'เห็นชอบ' }),
    ]);
  });
});
