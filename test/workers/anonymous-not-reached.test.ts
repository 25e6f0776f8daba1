import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentReporterNote } from '../../lib/texts/reporter-label';
import { demoOrganizations } from '../../dev/demo-organizations';
import { openVaultEntry } from '../../worker/complaints/vault';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { textOf } from './support/complaint';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { resident, upToIdentity } from './support/complaint-steps';
import { platformApi, type SentMessage } from './support/line';
import { enroll, lastSeq, messagesIn, type StaffChat } from './support/staff';
import { tracker } from './support/tracking-api';

// An anonymous reporter may choose not to be reached in LINE at all (a notification on a shared phone can
// expose them): no LINE identity is kept, nothing is ever sent to them, and they follow the case with code
// + PIN, answering questions there.
const org = demoOrganizations[0]!; // chanthaburi
const ORG_ID = 1;
let integrity: StaffChat & { staffId: number };

const caseRow = (code: string) =>
  env.DB.prepare(
    `select c.id, c.reach_in_line, c.progress_due_on, v.id as vault_id, v.sealed
     from complaints c join identity_vault v on v.id = c.vault_id where c.org_id = ? and c.code = ?`,
  )
    .bind(ORG_ID, code)
    .first<{
      id: number;
      reach_in_line: number;
      progress_due_on: string | null;
      vault_id: string;
      sealed: string;
    }>();

const pushedTo = async (userId: string) =>
  (await platformApi<SentMessage[]>(`/_platform/messages?channel=${org.slug}&chat=${userId}`)).filter(
    (m) => m.via === 'push',
  );

beforeAll(async () => {
  integrity = await enroll(org.slug, ORG_ID, ['integrity'], { name: 'อรทัย ผู้ตรวจ' });
}, 60_000);

describe('an anonymous reporter who chose not to be reached in LINE', () => {
  it('is filed from the chat with no LINE identity kept, and the receipt says how to follow it', async () => {
    const p = resident(org.slug);
    await upToIdentity(p, 'เจ้าหน้าที่เรียกเงินใต้โต๊ะ 3,000 บาท เพื่อเร่งออกใบอนุญาต');
    const summary = await p.tap('ไม่รับแจ้งทาง LINE');
    expect(textOf(summary)).toContain('ไม่รับแจ้งทาง LINE');
    const receipt = await p.tap('ยืนยันส่งเรื่อง');
    const code = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(textOf(receipt))![0];
    expect(textOf(receipt)).toContain('ท่านเลือกไม่รับข้อความทาง LINE');
    expect(textOf(receipt)).toMatch(/รหัสลับ \(PIN\)[^\n]*\n\d{6}/);

    const row = (await caseRow(code))!;
    expect(row.reach_in_line).toBe(0);
    expect(row.progress_due_on).toBeNull();
    const kept = await openVaultEntry(await keyringFromEnv(env), ORG_ID, {
      id: row.vault_id,
      sealed: row.sealed,
    });
    expect(kept).toEqual({});
  });

  it('gets nothing pushed; staff are told so; code + PIN shows the question and lets them answer', async () => {
    const form = await formUser(org.slug);
    const tip = (
      await form.submit({ ...anonymousReport(newKey()), identity: { mode: 'anonymous', reachInLine: false } })
    ).json;
    expect(tip.reachInLine).toBe(false);
    await integrity.say(`รับเรื่อง ${tip.code}`);
    const since = await lastSeq(org.slug);
    await integrity.say(`ขอข้อมูล ${tip.code} ทราบชื่อบริษัทที่ได้งานหรือไม่`);
    expect(textOf(await messagesIn(org.slug, integrity.userId, since))).toContain(silentReporterNote);
    expect(await pushedTo(form.userId)).toEqual([]);
    const notices = await env.DB.prepare(
      'select count(*) as n from complainant_notices where complaint_id = ?',
    )
      .bind((await caseRow(tip.code))!.id)
      .first<{ n: number }>();
    expect(notices!.n).toBe(0);

    // Any account holding code + PIN reads the question and may answer it (the PIN is the only credential).
    const phone = resident(org.slug);
    const opened = await phone.say(`${tip.code} ${tip.pin}`);
    expect(textOf(opened)).toContain('ทราบชื่อบริษัทที่ได้งานหรือไม่');
    expect(textOf(opened)).toContain('พิมพ์คำตอบในข้อความถัดไปได้เลย');
    const before = await lastSeq(org.slug);
    expect(textOf(await phone.say('บริษัท ข จำกัด'))).toContain('ส่งข้อความของท่าน');
    expect(textOf(await messagesIn(org.slug, integrity.userId, before))).toContain('บริษัท ข จำกัด');

    await integrity.say(`ขอข้อมูล ${tip.code} มีเอกสารการเสนอราคาหรือไม่`);
    const page = await tracker(org.slug);
    expect((await page.answer(tip.code, 'มี')).status).toBe(404);
    expect((await page.open(tip.code, tip.pin)).json.question).toMatchObject({
      text: 'มีเอกสารการเสนอราคาหรือไม่',
    });
    expect((await page.answer(tip.code, 'มีสำเนาใบเสนอราคา')).status).toBe(204);
    expect(await pushedTo(form.userId)).toEqual([]);
  });

  it('is reached in LINE by default', async () => {
    const tip = (await (await formUser(org.slug)).submit(anonymousReport(newKey()))).json;
    expect(tip.reachInLine).toBe(true);
    expect((await caseRow(tip.code))!.reach_in_line).toBe(1);
  });
});
