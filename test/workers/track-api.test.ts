import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { trackOpenRequest } from '../../schema/contracts/tracking';
import { purgeTrackGuards } from '../../worker/cases/tracking/track-guard';
import { newTrackingCode } from '../../worker/complaints/tracking-code';
import { createDb } from '../../worker/db/client';
import { textOf } from './support/complaint';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { resident } from './support/complaint-steps';
import { bearer, claimsFor, forgeIdToken, mintIdToken, platformKid } from './support/liff';
import { enroll, type StaffChat } from './support/staff';
import { grievanceReport, tracker } from './support/tracking-api';

const org = demoOrganizations[0]!; // chanthaburi
const ORG_ID = 1;
const other = demoOrganizations[1]!;

type Member = StaffChat & { staffId: number };
let admin: Member;
let officer: Member;
let owner: Awaited<ReturnType<typeof tracker>>;
let lightCode: string;
let anonCode: string;
let anonPin: string;

beforeAll(async () => {
  admin = await enroll(org.slug, ORG_ID, ['admin'], { name: 'สมศรี ผู้ดูแล' });
  officer = await enroll(org.slug, ORG_ID, ['officer'], { unit: 'engineering', name: 'ช่างสมชาย' });
  const form = await formUser(org.slug);
  lightCode = (await form.submit(grievanceReport(newKey()))).json.code;
  const anon = (await form.submit(anonymousReport(newKey()))).json;
  anonCode = anon.code;
  anonPin = anon.pin;
  owner = await tracker(org.slug, form.userId);
}, 60_000);

describe('the tracker API', () => {
  it('lists one’s own cases, never an anonymous one, with no-store', async () => {
    const list = await owner.list();
    expect(list.status).toBe(200);
    expect(list.cacheControl).toBe('no-store');
    expect(list.json.cases.map((c: { code: string }) => c.code)).toEqual([lightCode]);
    expect(list.json.more).toBe(0);
    const stranger = await tracker(org.slug);
    expect((await stranger.list()).json).toEqual({ cases: [], more: 0 });
  });

  it('shows the timeline in plain Thai, with deadlines and without staff names', async () => {
    const r = resident(org.slug, owner.userId);
    await admin.say(`มอบหมาย ${lightCode} กองช่าง`);
    await officer.say(`รับเรื่อง ${lightCode}`);
    await admin.say(`มอบหมาย ${lightCode} สมชาย`);
    await officer.say(`ขอข้อมูล ${lightCode} ขอทราบตำแหน่งเสาไฟที่ดับ`);
    expect(textOf(await r.say('เสาที่สามจากปากซอย หน้าบ้านเลขที่ 12'))).toContain('ส่งข้อความของท่าน');
    await officer.say(`แจ้งความคืบหน้า ${lightCode} สั่งซื้อหลอดไฟแล้ว`);
    await officer.say(`ส่งต่อ ${lightCode} ดำรงธรรม ดธ 123/2569`);
    await officer.say(`เสนอผู้บริหาร ${lightCode} ต้องใช้งบเพิ่มเติม`);
    await officer.say(`ปิดเรื่อง ${lightCode} แก้ไขแล้ว เปลี่ยนหลอดไฟเรียบร้อยแล้ว`);
    await admin.say(`เปิดเรื่องใหม่ ${lightCode}`);

    const answer = await owner.get(lightCode);
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('no-store');
    const detail = answer.json;
    expect(detail.timeline.map((e: { title: string }) => e.title)).toEqual([
      'ได้รับเรื่องของท่านแล้ว',
      'ส่งเรื่องถึงหน่วยงานที่รับผิดชอบแล้ว',
      'เจ้าหน้าที่รับเรื่องไว้ดำเนินการ',
      'ขอข้อมูลเพิ่มเติมจากท่าน',
      'ท่านส่งข้อมูลเพิ่มเติมแล้ว',
      'ความคืบหน้า',
      'ส่งเรื่องต่อไปยังหน่วยงานภายนอก',
      'แจ้งผลการดำเนินการ',
      'เปิดเรื่องเพื่อดำเนินการอีกครั้ง',
    ]);
    const all = JSON.stringify(detail);
    for (const shown of ['ขอทราบตำแหน่งเสาไฟที่ดับ', 'สั่งซื้อหลอดไฟแล้ว', 'ดธ 123/2569', 'แก้ไขแล้ว: เปลี่ยนหลอดไฟ']) {
      expect(all).toContain(shown);
    }
    for (const hidden of ['สมชาย', 'สมศรี', 'ต้องใช้งบเพิ่มเติม', 'เสาที่สามจากปากซอย', 'staff', 'actor']) {
      expect(all).not.toContain(hidden);
    }
    expect(detail.status).toBe('in_progress');
    expect(detail.statusText).toBe('กำลังดำเนินการ');
    expect(detail.deadlines.map((d: { kind: string; state: string }) => [d.kind, d.state])).toEqual([
      ['acknowledge', 'met'],
      ['result', 'pending'],
    ]);
    expect(detail.nextDue.kind).toBe('result');
    expect(detail.lastMessage.title).toBe('เปิดเรื่องเพื่อดำเนินการอีกครั้ง');
  });

  it('opens an anonymous case only by code and PIN in the body; every refusal is the same 404', async () => {
    const asOwner = await owner.get(anonCode);
    const missing = await owner.get(newTrackingCode());
    expect(asOwner.status).toBe(404);
    expect(asOwner.json).toEqual(missing.json);
    expect(asOwner.cacheControl).toBe('no-store');

    const finder = await tracker(org.slug);
    const opened = await finder.open(anonCode.toLowerCase().replace('-', ''), anonPin);
    expect(opened.status).toBe(200);
    expect(opened.cacheControl).toBe('no-store');
    expect(opened.json).toMatchObject({ code: anonCode, anonymous: true, categoryName: 'จัดซื้อจัดจ้าง' });
    expect(JSON.stringify(opened.json)).not.toContain(anonPin);

    const theirs = await (await formUser(other.slug)).submit(anonymousReport(newKey()));
    const refusals = [
      await finder.open(anonCode, anonPin === '000000' ? '111111' : '000000'),
      await finder.open(newTrackingCode(), '123456'),
      await finder.open(lightCode, '123456'),
      await finder.open(theirs.json.code, theirs.json.pin),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(404);
      expect(r.cacheControl).toBe('no-store');
      expect(r.json).toEqual(refusals[0]!.json);
    }
    expect(refusals[0]!.json.error.message).toContain('ไม่พบเรื่อง');
    expect(trackOpenRequest.safeParse({ code: anonCode }).success).toBe(false);
  });

  it('locks after 5 wrong tries with 429, and the owner’s list still answers', async () => {
    for (let i = 0; i < 4; i++) expect((await owner.open(newTrackingCode(), '123456')).status).toBe(404);
    const fifth = await owner.open(newTrackingCode(), '123456');
    expect(fifth.status).toBe(429);
    expect(fifth.json.error.message).toMatch(/ลองใหม่ได้หลังเวลา \d\d:\d\d น\./);
    expect((await owner.open(anonCode, anonPin)).status).toBe(429);
    expect((await owner.list()).json.cases).toHaveLength(1);
    expect((await owner.get(lightCode)).status).toBe(200);
  });

  it('the cron forgets finished windows, locks and PIN waits', async () => {
    const count = async (table: string) =>
      (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
    expect(await count('track_guards')).toBeGreaterThan(0);
    await purgeTrackGuards(createDb(env.DB), Date.now());
    expect(await count('track_guards')).toBeGreaterThan(0); // the lock above still holds
    await env.DB.prepare('insert into track_pin_waits values (?, ?, ?, ?)').bind(ORG_ID, 'k', 'X', 1).run();
    await purgeTrackGuards(createDb(env.DB), Date.now() + 3 * 60 * 60 * 1000);
    expect(await count('track_guards')).toBe(0);
    expect(await count('track_pin_waits')).toBe(0);
  });

  it('refuses an absent, forged or other organisation’s token, with no-store', async () => {
    const path = `/api/orgs/${org.slug}/track`;
    const forged = await forgeIdToken(claimsFor(org.liffId.split('-')[0]!, owner.userId), {
      kid: await platformKid(),
    });
    const foreign = await mintIdToken({ channel: other.slug, userId: owner.userId });
    for (const headers of [{}, bearer(forged), bearer(foreign), bearer('not-a-token')]) {
      const response = await owner.raw(path, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).not.toContain(lightCode);
    }
  });
});
