import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { noIntegrityLeftText } from '../../worker/cases/recusal';
import { textOf } from './support/complaint';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { caseByCode, caseEvents } from './support/cases';
import { fileComplaint } from './support/file-complaint';
import { allRows } from './support/db';
import { demoStaff, type Member, useStaff } from './support/roster';
import { asUser } from './support/staff-api';
import { buttonData, lastSeq, messagesIn } from './support/staff';

const org = useOrg('chanthaburi');
const { first, second, admin, boss } = useStaff(org, {
  first: { roles: ['integrity'], name: 'ผู้ตรวจหนึ่ง' },
  second: { roles: ['integrity'], name: 'ผู้ตรวจสอง' },
  admin: demoStaff.admin,
  boss: demoStaff.executive,
});

// Another organisation whose only integrity officer works in the integrity unit.
const lampang = useOrg('lampang');
const only = useStaff(lampang, {
  integrity: { roles: ['integrity', 'officer'], unit: 'integrity', name: 'ผู้ตรวจคนเดียว' },
  admin: demoStaff.admin,
});

const seesIt = async (who: Member, id: number, code: string) => {
  const page = await asUser(org.slug, who.userId, '/cases?track=corruption&limit=50');
  const listed = page.json.items.some((i: { code: string }) => i.code === code);
  const detail = (await asUser(org.slug, who.userId, `/cases/${id}`)).status;
  return { listed, detail };
};

describe('an integrity officer declares a conflict of interest', () => {
  it('loses access at once; the other is told; when none is left the admin is asked, without the case', async () => {
    const answer = await (await formUser(org.slug)).submit(anonymousReport(newKey()));
    const code = answer.json.code as string;
    const { id } = await caseByCode(code);
    await first.say(`รับเรื่อง ${code}`);
    expect(await seesIt(first, id, code)).toEqual({ listed: true, detail: 200 });

    // In chat: the row, the event, the owner gives the case up, one push to the other officer.
    const since = await lastSeq(org.slug);
    const recused = await first.say(`ถอนตัว ${code} ผู้ถูกร้องเป็นญาติของข้าพเจ้า`);
    expect(textOf(recused)).toContain(`บันทึกการถอนตัวจากเรื่อง ${code} แล้ว`);
    expect(textOf(recused)).toContain('แจ้งเจ้าหน้าที่ป้องกันการทุจริตอีก 1 ท่านแล้ว');
    expect(await seesIt(first, id, code)).toEqual({ listed: false, detail: 404 });
    expect(textOf(await first.say(`เรื่อง ${code}`))).toContain('ไม่มีสิทธิ์เข้าถึง');
    expect(await allRows('select staff_id from case_recusals where complaint_id = ?', id)).toEqual([
      { staff_id: first.staffId },
    ]);
    expect(await caseEvents(code, 'recused')).toEqual([
      expect.objectContaining({ actor_ref: String(first.staffId), note: 'ผู้ถูกร้องเป็นญาติของข้าพเจ้า' }),
    ]);
    expect((await asUser(org.slug, second.userId, `/cases/${id}`)).json.case.assigneeId).toBeNull();
    const toSecond = await messagesIn(org.slug, second.userId, since);
    expect(textOf(toSecond)).toContain(`ผู้ตรวจหนึ่ง ถอนตัวจากเรื่อง ${code}`);
    expect(await messagesIn(org.slug, admin.userId, since)).toEqual([]);
    // The one who stepped aside gets replies only, never the notice.
    expect((await messagesIn(org.slug, first.userId, since)).every((m) => m.via === 'reply')).toBe(true);

    // In the LIFF: the last integrity officer steps aside; the admin is asked, and learns nothing of the case.
    const since2 = await lastSeq(org.slug);
    const api = await asUser(org.slug, second.userId, `/cases/${id}/recusal`, { body: { reason: '' } });
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ told: 0, adminsAsked: 1 });
    expect(await seesIt(second, id, code)).toEqual({ listed: false, detail: 404 });
    const toAdmin = await messagesIn(org.slug, admin.userId, since2);
    expect(textOf(toAdmin)).toBe(noIntegrityLeftText);
    expect(JSON.stringify(toAdmin)).not.toContain(code);
    expect(await messagesIn(org.slug, boss.userId, since2)).toEqual([]);
    // A recusal is only for integrity officers, and only once there is access.
    expect((await asUser(org.slug, boss.userId, `/cases/${id}/recusal`, { body: {} })).status).toBe(403);
    expect((await asUser(org.slug, second.userId, `/cases/${id}/recusal`, { body: {} })).status).toBe(404);
  });
});

describe('the complainant answers a question of an officer who stepped aside', () => {
  it('reaches the integrity officers who may still see the case', async () => {
    // Only the asker steps aside from this case: the other integrity officer still sees it.
    const { p, code } = await fileComplaint(org.slug, 'corruption');
    await first.say(`รับเรื่อง ${code}`);
    await first.say(`ขอข้อมูล ${code} ช่วยระบุชื่อโครงการ`);
    await first.say(`ถอนตัว ${code} รู้จักผู้รับเหมา`);
    const since = await lastSeq(org.slug);
    await p.say('โครงการซ่อมถนนสายหลัก ปีงบประมาณ 2569');
    expect(textOf(await messagesIn(org.slug, second.userId, since))).toContain(`ผู้ร้องเรียนตอบกลับเรื่อง ${code}`);
    expect((await messagesIn(org.slug, first.userId, since)).filter((m) => m.via !== 'reply')).toEqual([]);
  });
});

describe('a tip no integrity officer may see, from the start', () => {
  it('names the unit of the only integrity officer: the admin is asked, without the case', async () => {
    const unit = await allRows<{ id: number }>(
      "select id from units where org_id = ? and code = 'integrity'",
      lampang.id,
    );
    const since = await lastSeq(lampang.slug);
    const answer = await (await formUser(lampang.slug)).submit({
      ...anonymousReport(newKey()),
      involvedRole: 'unit_staff',
      involvedUnitId: unit[0]!.id,
    });
    expect(answer.status).toBe(201);
    expect(await messagesIn(lampang.slug, only.integrity.userId, since)).toEqual([]);
    const toAdmin = await messagesIn(lampang.slug, only.admin.userId, since);
    expect(textOf(toAdmin)).toBe(noIntegrityLeftText);
    expect(JSON.stringify(toAdmin)).not.toContain(answer.json.code);
  });
});

describe('recusal from the case card in chat', () => {
  it('"ถอนตัว (มีส่วนได้เสีย)" asks why; the typed reason declares it', async () => {
    const answer = await (await formUser(org.slug)).submit(anonymousReport(newKey()));
    const code = answer.json.code as string;
    const { id } = await caseByCode(code);
    const card = await second.say(`เรื่อง ${code}`);
    // The chat holds older cards too: this case's is the latest.
    const asked = await second.chat.postback(buttonData(card, 'ถอนตัว (มีส่วนได้เสีย)'));
    expect(textOf(asked)).toContain(`พิมพ์เหตุที่ท่านมีส่วนได้เสียกับเรื่อง ${code}`);
    expect(textOf(await second.say('ผู้ถูกร้องเป็นพี่เขยของข้าพเจ้า'))).toContain(`บันทึกการถอนตัวจากเรื่อง ${code} แล้ว`);
    expect(await allRows('select staff_id from case_recusals where complaint_id = ?', id)).toEqual([
      { staff_id: second.staffId },
    ]);
    expect((await asUser(org.slug, second.userId, `/cases/${id}`)).status).toBe(404);
  });
});
