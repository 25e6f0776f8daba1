import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrganizations } from '../../dev/demo-organizations';
import { caseByPin } from '../../worker/cases/tracking/track-cases';
import { saltedHash } from '../../worker/crypto/keyed-hash';
import { createKeyring } from '../../worker/crypto/secret-box';
import { createDb } from '../../worker/db/client';
import { textOf } from './support/complaint';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { newUserId } from './support/line';
import { enroll, lastSeq, messagesIn, type StaffChat } from './support/staff';
import { grievanceReport, tracker } from './support/tracking-api';

const org = demoOrganizations[0]!; // chanthaburi
const ORG_ID = 1;

type Member = StaffChat & { staffId: number };
let admin: Member;
let integrity: Member;

beforeAll(async () => {
  admin = await enroll(org.slug, ORG_ID, ['admin'], { name: 'สมศรี ผู้ดูแล' });
  integrity = await enroll(org.slug, ORG_ID, ['integrity'], { name: 'อรทัย ผู้ตรวจ' });
}, 60_000);

describe('answering from the tracker, and the PIN under a rotated key', () => {
  it('lets only the person asked answer an open question from the page, as the chat relay does', async () => {
    const form = await formUser(org.slug);
    const code = (await form.submit(grievanceReport(newKey()))).json.code;
    const me = await tracker(org.slug, form.userId);
    await admin.say(`รับเรื่อง ${code}`);
    await admin.say(`ขอข้อมูล ${code} ไฟดับตั้งแต่วันไหน`);
    expect((await me.get(code)).json.question).toMatchObject({ text: 'ไฟดับตั้งแต่วันไหน' });

    const stranger = await tracker(org.slug);
    const foreign = await stranger.answer(code, 'ตั้งแต่เมื่อวาน');
    expect(foreign.status).toBe(404);
    expect(foreign.cacheControl).toBe('no-store');
    expect((await me.answer(code, '')).status).toBe(422);

    const since = await lastSeq(org.slug);
    const answered = await me.answer(code, 'ดับตั้งแต่วันจันทร์ที่แล้ว');
    expect(answered.status).toBe(204);
    expect(textOf(await messagesIn(org.slug, admin.userId, since))).toContain('ดับตั้งแต่วันจันทร์ที่แล้ว');
    const after = (await me.get(code)).json;
    expect(after.status).toBe('in_progress');
    expect(after.question).toBeNull();
    expect(after.timeline.at(-1).title).toBe('ท่านส่งข้อมูลเพิ่มเติมแล้ว');
    expect((await me.answer(code, 'อีกครั้ง')).status).toBe(404);
  });

  it('shows an anonymous case’s question only to the account it was asked of', async () => {
    const form = await formUser(org.slug);
    const { code: anonCode, pin: anonPin } = (await form.submit(anonymousReport(newKey()))).json;
    const owner = await tracker(org.slug, form.userId);
    await integrity.say(`รับเรื่อง ${anonCode}`);
    await integrity.say(`ขอข้อมูล ${anonCode} ทราบชื่อบริษัทที่ได้งานหรือไม่`);
    const finder = await tracker(org.slug);
    expect((await finder.open(anonCode, anonPin)).json.question).toBeNull();
    expect((await owner.open(anonCode, anonPin)).json.question).toMatchObject({
      text: 'ทราบชื่อบริษัทที่ได้งานหรือไม่',
    });
    expect((await owner.answer(anonCode, 'บริษัท ก จำกัด')).status).toBe(204);
    expect((await finder.answer(anonCode, 'ไม่ทราบ')).status).toBe(404);
  });

  it('hashes a PIN made under a previous data key again under the current one once it is right', async () => {
    const oldKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const tip = (await (await formUser(org.slug)).submit(anonymousReport(newKey()))).json;
    const row = (await env.DB.prepare('select id, vault_id from complaints where code = ?')
      .bind(tip.code)
      .first<{ id: number; vault_id: string }>())!;
    const before = await saltedHash(
      await createKeyring(oldKey),
      'complaint-pin',
      `${ORG_ID}:${row.vault_id}:${tip.pin}`,
    );
    await env.DB.prepare('update complaints set pin_hash = ? where id = ?').bind(before, row.id).run();
    const current = await createKeyring(env.DATA_KEY);
    const rotated = await createKeyring(env.DATA_KEY, oldKey);
    const deps = { db: createDb(env.DB), orgId: ORG_ID, now: Date.now() };
    // The current key alone cannot check it; with the old key kept, the right PIN opens and is re-hashed.
    expect((await caseByPin({ ...deps, keyring: current }, newUserId(), tip.code, tip.pin)).ok).toBe(false);
    expect((await caseByPin({ ...deps, keyring: rotated }, newUserId(), tip.code, tip.pin)).ok).toBe(true);
    const after = (await env.DB.prepare('select pin_hash from complaints where id = ?')
      .bind(row.id)
      .first<{ pin_hash: string }>())!.pin_hash;
    expect(after.split('.')[1]).toBe(current.currentId);
    expect((await caseByPin({ ...deps, keyring: current }, newUserId(), tip.code, tip.pin)).ok).toBe(true);
  });
});
