import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { labelsIn, textOf } from './support/complaint';
import { anonymousReport, filed, formUser, newKey } from './support/complaint-form';
import { runStaffSchedules } from '../../worker/notices/schedules';
import { caseByCode, caseEvents, setCase } from './support/cases';
import { testEnv } from './support/worker';
import { firstRow } from './support/db';
import { demoStaff, type Member, useStaff } from './support/roster';
import { asUser } from './support/staff-api';
import { buttonData, lastSeq, messagesIn } from './support/staff';

const org = useOrg('trang');

// Two integrity officers, one of them also an officer of the integrity unit (where corruption tips are
// routed); two executives; an officer of engineering.
const { integrity, unitIntegrity, boss, deputy, engineer } = useStaff(org, {
  integrity: demoStaff.integrity,
  unitIntegrity: { roles: ['integrity', 'officer'], unit: 'integrity', name: 'ผู้ตรวจในศูนย์' },
  boss: demoStaff.executive,
  deputy: { roles: ['executive'], name: 'รองนายก' },
  engineer: demoStaff.officer,
});

const unitId = async (code: string) =>
  (await firstRow<{ id: number }>('select id from units where org_id = ? and code = ?', org.id, code))!.id;

async function fileTip(involvement: { involvedRole?: string; involvedUnitId?: number }) {
  const key = newKey();
  const answer = await (await formUser(org.slug)).submit({ ...anonymousReport(key), ...involvement });
  expect(answer.status).toBe(201);
  const code = answer.json.code as string;
  return { code, id: (await caseByCode(code)).id, key };
}

const listed = async (who: Member, code: string) => {
  const page = await asUser(org.slug, who.userId, '/cases?track=corruption&limit=50');
  expect(page.status).toBe(200);
  return page.json.items.some((i: { code: string }) => i.code === code);
};

describe('a tip naming the executive never reaches an executive', () => {
  it('no notice, not in the list, no detail, no escalation; the integrity officers are told plainly', async () => {
    const since = await lastSeq(org.slug);
    const { code, id, key } = await fileTip({ involvedRole: 'executive' });
    expect((await filed(key)).complaints[0]).toMatchObject({
      involved_role: 'executive',
      involved_unit_id: null,
    });

    // Notice: both integrity officers, no executive.
    for (const exec of [boss, deputy]) expect(await messagesIn(org.slug, exec.userId, since)).toEqual([]);
    const toIntegrity = await messagesIn(org.slug, integrity.userId, since);
    expect(textOf(toIntegrity)).toContain(code);
    expect(textOf(toIntegrity)).toContain('ผู้บริหารจะไม่เห็นเรื่องนี้');
    expect(textOf(await messagesIn(org.slug, unitIntegrity.userId, since))).toContain(code);

    // List and detail (an unknown case and a hidden one answer alike) and the chat.
    expect(await listed(integrity, code)).toBe(true);
    for (const exec of [boss, deputy]) {
      expect(await listed(exec, code)).toBe(false);
      expect((await asUser(org.slug, exec.userId, `/cases/${id}`)).status).toBe(404);
    }
    expect(textOf(await boss.say(`เรื่อง ${code}`))).toContain('ไม่มีสิทธิ์เข้าถึง');

    // Escalation: no button, refused in chat and in the API, nothing pushed to executives.
    const accepted = await integrity.say(`รับเรื่อง ${code}`);
    expect(labelsIn(accepted)).not.toContain('เสนอผู้บริหาร');
    expect(labelsIn(accepted)).toContain('ส่งต่อหน่วยงานภายนอก');
    const beforeEscalation = await lastSeq(org.slug);
    expect(textOf(await integrity.say(`เสนอผู้บริหาร ${code} ขอให้ตั้งกรรมการสอบ`))).toContain('เสนอผู้บริหารไม่ได้');
    const { version } = await caseByCode(code);
    const api = await asUser(org.slug, integrity.userId, `/cases/${id}/actions`, {
      body: { action: 'escalate', version, message: 'ขอความเห็นชอบ' },
    });
    expect(api.status).toBe(403);
    expect(api.text).toContain('นายอำเภอ');
    expect(await caseEvents(code, 'escalated')).toEqual([]);
    for (const exec of [boss, deputy])
      expect(await messagesIn(org.slug, exec.userId, beforeEscalation)).toEqual([]);

    // The way out: the bodies that oversee local executives first; the district chief, with the reference.
    const bodies = await integrity.chat.postback(buttonData(accepted, 'ส่งต่อหน่วยงานภายนอก'));
    expect(labelsIn(bodies).slice(0, 3)).toEqual(['นายอำเภอ', 'ผู้ว่าราชการจังหวัด', 'สำนักงาน ป.ป.ช.']);
    const forwarded = await integrity.say(`ส่งต่อ ${code} นายอำเภอ มท 0318/123`);
    expect(textOf(forwarded)).toContain(`บันทึกการส่งต่อเรื่อง ${code} ไปยังนายอำเภอ`);
    expect(await caseByCode(code)).toMatchObject({ status: 'forwarded' });
    const [event] = await caseEvents(code, 'forwarded');
    expect(event!.note).toBe('นายอำเภอ เลขที่อ้างอิง มท 0318/123');
  });

  it('a tip naming a council member or a contractor reaches the executives as before', async () => {
    const since = await lastSeq(org.slug);
    const { code, id } = await fileTip({ involvedRole: 'contractor' });
    expect(await messagesIn(org.slug, boss.userId, since)).toEqual([]); // executives never get new-case notices
    expect(await listed(boss, code)).toBe(true);
    expect((await asUser(org.slug, boss.userId, `/cases/${id}`)).status).toBe(200);
    await integrity.say(`รับเรื่อง ${code}`);
    expect(textOf(await integrity.say(`เสนอผู้บริหาร ${code} ขอตั้งกรรมการ`))).toContain('ส่งถึงผู้บริหาร 2 ท่านแล้ว');
  });
});

describe("the weekly overdue list, the executives' automatic escalation", () => {
  it('leaves out a late tip about the executive; the integrity officers are still reminded of it', async () => {
    const aboutMayor = await fileTip({ involvedRole: 'executive' });
    const aboutContractor = await fileTip({ involvedRole: 'contractor' });
    for (const { code } of [aboutMayor, aboutContractor])
      await setCase(code, { acknowledge_due_on: '2026-12-01', result_due_on: '2026-12-10' });
    const since = await lastSeq(org.slug);
    await runStaffSchedules(testEnv, Date.parse('2026-12-14T08:31:00+07:00'));
    for (const exec of [boss, deputy]) {
      const weekly = textOf(await messagesIn(org.slug, exec.userId, since));
      expect(weekly).toContain(aboutContractor.code);
      expect(weekly).not.toContain(aboutMayor.code);
    }
    expect(textOf(await messagesIn(org.slug, integrity.userId, since))).toContain(aboutMayor.code);
  });
});

describe('a tip naming a unit', () => {
  it('keeps that unit’s members out, integrity officers included; others see it', async () => {
    const since = await lastSeq(org.slug);
    const { code, id, key } = await fileTip({
      involvedRole: 'unit_staff',
      involvedUnitId: await unitId('integrity'),
    });
    expect((await filed(key)).complaints[0]).toMatchObject({ involved_role: 'unit_staff' });

    expect(await messagesIn(org.slug, unitIntegrity.userId, since)).toEqual([]);
    expect(await listed(unitIntegrity, code)).toBe(false);
    expect((await asUser(org.slug, unitIntegrity.userId, `/cases/${id}`)).status).toBe(404);
    expect(textOf(await unitIntegrity.say(`รับเรื่อง ${code}`))).toContain('ไม่มีสิทธิ์เข้าถึง');

    const toIntegrity = await messagesIn(org.slug, integrity.userId, since);
    expect(textOf(toIntegrity)).toContain(code);
    expect(textOf(toIntegrity)).toContain('เจ้าหน้าที่ของหน่วยงานนี้จะไม่เห็นเรื่องนี้');
    expect(await listed(integrity, code)).toBe(true);
    expect(await listed(boss, code)).toBe(true);
    // The integrity officer cannot hand the case to the colleague it names.
    const detail = await asUser(org.slug, integrity.userId, `/cases/${id}`);
    expect(detail.json.case).toMatchObject({ involvedRole: 'unit_staff' });
    const assign = await asUser(org.slug, integrity.userId, `/cases/${id}/actions`, {
      body: { action: 'assign', version: detail.json.case.version, staffId: unitIntegrity.staffId },
    });
    expect(assign.status).toBe(422);
    expect(engineer.staffId).toBeGreaterThan(0);
  });
});

describe('the contract', () => {
  it('refuses a role on a grievance, a unit of another kind of involvement, and an unknown unit', async () => {
    const user = await formUser(org.slug);
    const grievance = {
      ...anonymousReport(newKey()),
      track: 'grievance',
      categoryCode: 'road',
      involved: undefined,
      identity: { mode: 'identified' },
      involvedRole: 'executive',
    };
    const refused = await user.submit(grievance);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json)).toContain('involvedRole');
    const engineering = await unitId('engineering');
    const wrongRole = await user.submit({
      ...anonymousReport(newKey()),
      involvedRole: 'executive',
      involvedUnitId: engineering,
    });
    expect(wrongRole.status).toBe(422);
    const unknown = await user.submit({
      ...anonymousReport(newKey()),
      involvedRole: 'unit_staff',
      involvedUnitId: 999_999,
    });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.json)).toContain('ไม่พบกอง/ฝ่ายนี้');
  });
});
