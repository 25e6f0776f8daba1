import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { eraseExpiredCases } from '../../worker/cases/retention';
import { createDb } from '../../worker/db/client';
import { staffAct } from './support/case-lifecycle';
import { expectText, imageEvent, labelsIn, type Person, textOf } from './support/complaint';
import { photo, resident, upToIdentity } from './support/complaint-steps';
import { allRows, firstRow } from './support/db';
import { complaintIdOf, confirmComplaint } from './support/file-complaint';
import { enroll, type StaffChat } from './support/staff';
import { tracker } from './support/tracking-api';

// A resident sees in chat what the organisation holds about them and asks for its deletion: finished
// cases go at once, open ones when they finish; anonymous ones are never linked to the account.
const org = useOrg('mueang-chan');
let admin: StaffChat & { staffId: number };

beforeAll(async () => {
  admin = await enroll(org.slug, org.id, ['admin']);
}, 60_000);

// biome-ignore lint/suspicious/noExplicitAny: a row of many columns, asserted field by field.
const caseRow = (id: number) => firstRow<any>('select * from complaints where id = ?', id);

async function grievance(p: Person, story: string) {
  await p.say(story);
  await p.tap('แจ้งเรื่องนี้');
  await p.send([
    { type: 'message', message: { type: 'location', title: 'ซอยวัดใหม่', latitude: 12.6, longitude: 102.1 } },
  ]);
  await p.send([imageEvent(photo)]);
  await p.tap('ขอให้โทรกลับ');
  await p.say('0891234567');
  return confirmComplaint(p);
}

describe('"ข้อมูลของฉัน" in chat', () => {
  it('shows the own cases and a draft, deletes finished ones at once and open ones when they finish', async () => {
    const p = resident(org.slug);
    const done = await grievance(p, 'ขยะไม่ได้เก็บมาหนึ่งสัปดาห์แล้ว ส่งกลิ่นเหม็นมาก');
    const open = await grievance(p, 'ไฟถนนดับทั้งซอยวัดใหม่ กลางคืนมืดมาก');
    // An anonymous tip from the same account: never shown, never touched.
    await upToIdentity(p, 'เจ้าหน้าที่เรียกเงินใต้โต๊ะ 3,000 บาท เพื่อเร่งออกใบอนุญาต');
    await p.tap('ไม่เปิดเผยตัวตน');
    const tip = await confirmComplaint(p);
    const [doneId, openId, tipId] = await Promise.all([done, open, tip].map(complaintIdOf));
    await staffAct(org, admin.staffId, doneId!, { action: 'accept' });
    await staffAct(org, admin.staffId, doneId!, {
      action: 'close',
      outcome: 'resolved',
      summary: 'เก็บขยะแล้ว',
    });
    await p.say('น้ำประปาไม่ไหลตั้งแต่เมื่อวาน');

    const shown = await p.say('ข้อมูลของฉัน');
    expectText(shown, done, open, 'ขยะไม่ได้เก็บมาหนึ่งสัปดาห์แล้ว', 'ซอยวัดใหม่', 'เบอร์โทรที่ให้ไว้', 'ร่างเรื่องที่ยังไม่ส่ง');
    expect(textOf(shown)).not.toContain(tip);
    expect(textOf(shown)).not.toContain('0891234567');
    expect(labelsIn(shown)).toContain('ขอลบข้อมูลของฉัน');
    const files = await allRows<{ r2_key: string }>(
      'select r2_key from complaint_attachments where complaint_id = ?',
      doneId,
    );
    expect(files).toHaveLength(1);

    expectText(await p.tap('ขอลบข้อมูลของฉัน'), 'ต้องการให้ลบข้อมูลของท่านใช่ไหม', 'จะลบทันทีเมื่อเรื่องเสร็จสิ้น');
    const answer = await p.tap('ยืนยันลบข้อมูลของฉัน');
    expectText(answer, `ลบข้อมูลแล้ว 1 เรื่อง: ${done}`, `เรื่อง ${open} ยังดำเนินการอยู่`, 'ลบร่างเรื่อง');
    expect(await caseRow(doneId!)).toMatchObject({ description: '', place_text: null, status: 'resolved' });
    expect(await env.EVIDENCE.get(files[0]!.r2_key)).toBeNull();
    expect((await caseRow(openId!)).description).toContain('ไฟถนนดับ');
    expect((await caseRow(openId!)).erase_requested_at).not.toBeNull();
    expect((await caseRow(tipId!)).description).toContain('เรียกเงินใต้โต๊ะ');

    // The open case is erased as soon as it finishes, not after the retention period.
    const now = Date.now();
    await staffAct(org, admin.staffId, openId!, { action: 'accept' }, now);
    await staffAct(
      org,
      admin.staffId,
      openId!,
      { action: 'close', outcome: 'resolved', summary: 'ซ่อมแล้ว' },
      now,
    );
    expect((await caseRow(openId!)).erase_after).toBe(now);
    await eraseExpiredCases(createDb(env.DB), env.EVIDENCE, now);
    expect((await caseRow(openId!)).description).toBe('');
    expectText(await p.say('ข้อมูลของฉัน'), 'ไม่มีเรื่องที่แจ้งในนามของท่าน');
  });
});

describe('"ข้อมูลของฉัน" in the LIFF tracker', () => {
  it('shows the same own cases, deletes through the same request, and is never cached', async () => {
    const p = resident(org.slug);
    const code = await grievance(p, 'ท่อระบายน้ำตันหน้าบ้าน ฝนตกทีน้ำท่วมขัง');
    const id = await complaintIdOf(code);
    await staffAct(org, admin.staffId, id, { action: 'accept' });
    await staffAct(org, admin.staffId, id, { action: 'close', outcome: 'resolved', summary: 'ลอกท่อแล้ว' });
    const me = await tracker(org.slug, p.userId);
    const shown = await me.myData();
    expect(shown.status).toBe(200);
    expect(shown.cacheControl).toBe('no-store');
    expect(shown.json).toMatchObject({
      draft: false,
      cases: [{ code, track: 'grievance', finished: true, phoneHeld: true, place: 'ซอยวัดใหม่' }],
    });
    expect(JSON.stringify(shown.json)).not.toContain('0891234567');
    // Someone else sees nothing of it.
    expect((await (await tracker(org.slug)).myData()).json).toEqual({ cases: [], draft: false });
    const erased = await me.eraseMyData();
    expect(erased.json).toEqual({ erased: [code], pending: [], draft: false });
    expect((await caseRow(id)).description).toBe('');
    expect((await me.myData()).json.cases).toEqual([]);
  });
});
