import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { inviteStatements } from '../../worker/staff/invites';
import { labelsIn, person, textOf } from './support/complaint';
import { conversation, newUserId } from './support/line';
import { deskGroup, enroll, lastSeq, messagesIn, operatorInvite, staffChat } from './support/staff';
import { allRows, firstRow, runBatch } from './support/db';

const org = useOrg('trang');
const other = useOrg('chanthaburi');

const codeIn = (text: string) => /ลงทะเบียนเจ้าหน้าที่ ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];

describe('staff onboarding in chat', () => {
  let admin: Awaited<ReturnType<typeof enroll>>;

  it('registers the first admin with an operator invite, once', async () => {
    const code = await operatorInvite(org.id, 'admin');
    const chat = staffChat(org.slug);
    const answer = await chat.say(`ลงทะเบียนเจ้าหน้าที่ ${code.toLowerCase().replace('-', ' ')}`);
    expect(textOf(answer)).toContain(`ลงทะเบียนเป็นเจ้าหน้าที่ของ${org.name}เรียบร้อยแล้ว`);
    expect(textOf(answer)).toContain('บทบาท: ผู้ดูแลระบบ');

    const again = staffChat(org.slug);
    expect(textOf(await again.say(`ลงทะเบียนเจ้าหน้าที่ ${code}`))).toContain('รหัสนี้ถูกใช้ไปแล้ว');
    expect(textOf(await again.say('ลงทะเบียนเจ้าหน้าที่ ABCD-EFGH'))).toContain('รหัสนี้ไม่ถูกต้อง');
    expect(textOf(await again.say('ลงทะเบียนเจ้าหน้าที่'))).toContain('ตามด้วยรหัสเชิญ');

    const events = await allRows(
      "select action, actor, from_state, to_state from events where org_id = ? and entity in ('staff_invite', 'staff_member') order by id",
      org.id,
    );
    expect(events).toEqual([
      { action: 'issued', actor: 'operator', from_state: null, to_state: 'open' },
      { action: 'redeemed', actor: 'invitee', from_state: 'open', to_state: 'used' },
      { action: 'registered', actor: 'invitee', from_state: null, to_state: 'active' },
    ]);
  });

  it('refuses an expired code and a code of another organisation', async () => {
    const keyring = await keyringFromEnv(env);
    const expired = await inviteStatements(keyring, {
      orgId: org.id,
      kind: 'staff',
      role: 'officer',
      createdBy: null,
      now: Date.now() - 10_000,
      ttlMs: 5_000,
    });
    await runBatch(expired.statements);
    const chat = staffChat(org.slug);
    expect(textOf(await chat.say(`ลงทะเบียนเจ้าหน้าที่ ${expired.code}`))).toContain('หมดอายุ');
    const foreign = await operatorInvite(other.id, 'admin');
    expect(textOf(await chat.say(`ลงทะเบียนเจ้าหน้าที่ ${foreign}`))).toContain('ไม่ถูกต้อง');
    // … and the code still works where it belongs.
    const there = staffChat(other.slug, chat.userId);
    expect(textOf(await there.say(`ลงทะเบียนเจ้าหน้าที่ ${foreign}`))).toContain('ลงทะเบียนเป็นเจ้าหน้าที่');
  });

  it('an admin invites by role (and unit for officers) from chat', async () => {
    admin = await enroll(org.slug, org.id, ['admin'], { name: 'สมหญิง' });
    const roles = await admin.say('เชิญเจ้าหน้าที่');
    expect(labelsIn(roles)).toEqual(['ผู้ดูแลระบบ', 'เจ้าหน้าที่รับเรื่อง', 'เจ้าหน้าที่ป้องกันการทุจริต', 'ผู้บริหาร']);
    const units = await admin.tap('เจ้าหน้าที่รับเรื่อง');
    expect(labelsIn(units)).toContain('กองช่าง');
    expect(labelsIn(units).some((l) => l.includes('ศูนย์ปฏิบัติการต่อต้านการทุจริต'))).toBe(false);
    const issued = await admin.tap('กองช่าง');
    expect(textOf(issued)).toContain('รหัสเชิญเจ้าหน้าที่รับเรื่อง (กองช่าง)');
    const code = codeIn(textOf(issued))!;
    expect(issued.at(-1)!.message.text).toBe(`ลงทะเบียนเจ้าหน้าที่ ${code}`);

    const officer = staffChat(org.slug);
    expect(textOf(await officer.say(`ลงทะเบียนเจ้าหน้าที่ ${code}`))).toContain('เจ้าหน้าที่รับเรื่อง');
    const list = textOf(await admin.say('รายชื่อเจ้าหน้าที่'));
    expect(list).toContain('สมหญิง: ผู้ดูแลระบบ');
    expect(list).toContain('เจ้าหน้าที่รับเรื่อง (กองช่าง)');

    // A second role for the same person adds to the first.
    const exec = codeIn(textOf(await admin.say('เชิญเจ้าหน้าที่ ผู้บริหาร')))!;
    expect(textOf(await officer.say(`ลงทะเบียนเจ้าหน้าที่ ${exec}`))).toContain('บทบาท: เจ้าหน้าที่รับเรื่อง, ผู้บริหาร');
  });

  it('only admins manage staff; others are told so', async () => {
    const officer = await enroll(org.slug, org.id, ['officer'], { unit: 'health' });
    for (const text of ['เชิญเจ้าหน้าที่ ผู้บริหาร', 'ลบเจ้าหน้าที่', 'รายชื่อเจ้าหน้าที่', 'ตั้งค่าแจ้งเตือน กลุ่ม', 'ผูกกลุ่ม']) {
      expect(textOf(await officer.say(text))).toContain('เฉพาะผู้ดูแลระบบ');
    }
    const resident = staffChat(org.slug);
    expect(textOf(await resident.say('รับเรื่อง K7QM-4R9P'))).toContain('เฉพาะเจ้าหน้าที่');
  });

  it('binds a group as the desk with a one-time code, and stays quiet in groups otherwise', async () => {
    const desk = await deskGroup(org.slug, admin, [admin.userId]);
    const since = await lastSeq(org.slug);
    const chatter = person(
      conversation(org.slug, { type: 'group', groupId: desk.groupId, userId: newUserId() }),
    );
    await chatter.say('สวัสดีครับ วันนี้ประชุมกี่โมง');
    await chatter.say('ร้องทุกข์ทั่วไป');
    expect(await messagesIn(org.slug, desk.groupId, since)).toEqual([]);
    // The same code again, or by someone who is not an admin, binds nothing.
    expect(textOf(await chatter.say('ผูกกลุ่ม ABCD-EFGH'))).toContain('เฉพาะผู้ดูแลระบบ');
    const settings = await firstRow('select desk_chat_id from staff_settings where org_id = ?', org.id);
    expect(settings).toEqual({ desk_chat_id: desk.groupId });
  });

  it('removing a member revokes at once: their next command is refused', async () => {
    const executive = await enroll(org.slug, org.id, ['executive', 'admin']);
    expect(textOf(await executive.say('คำสั่งเจ้าหน้าที่'))).toContain('คำสั่งสำหรับเจ้าหน้าที่');
    const choices = await admin.say('ลบเจ้าหน้าที่');
    expect(labelsIn(choices).length).toBeGreaterThan(1);
    const done = await admin.say(`ลบเจ้าหน้าที่ #${executive.staffId}`);
    expect(textOf(done)).toContain('สิทธิ์ทั้งหมดถูกยกเลิกทันที');
    expect(textOf(await executive.say('คำสั่งเจ้าหน้าที่'))).toContain('เฉพาะเจ้าหน้าที่ที่ลงทะเบียนแล้ว');
    expect(textOf(await executive.say('รายชื่อเจ้าหน้าที่'))).toContain('เฉพาะผู้ดูแลระบบ');
    expect(textOf(await admin.say(`ลบเจ้าหน้าที่ #${admin.staffId}`))).toContain('ลบตัวเองไม่ได้');
    const roles = await firstRow(
      'select count(*) as n from staff_roles where staff_id = ?',
      executive.staffId,
    );
    expect(roles).toEqual({ n: 0 });
  });

  it('keeps staff LINE ids out of plain columns', async () => {
    const rows = await allRows('select * from staff_members where org_id = ?', org.id);
    expect(JSON.stringify(rows)).not.toContain(admin.userId);
    expect(JSON.stringify(rows)).toContain('สมหญิง');
  });
});
