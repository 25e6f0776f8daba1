import { beforeAll, describe, expect, it } from 'vitest';
import { bangkokDate } from '../../lib/thai-date';
import { useOrg } from '../fixtures/demo-org';
import { staffAct } from './support/case-lifecycle';
import { actionsIn } from './support/complaint';
import { anonymousReport, filed, formUser, newKey } from './support/complaint-form';
import { resident } from './support/complaint-steps';
import { bearer, claimsFor, forgeIdToken, mintIdToken, platformKid } from './support/liff';
import { newUserId } from './support/line';
import { enroll, type StaffChat } from './support/staff';
import { grievanceReport, tracker } from './support/tracking-api';
import { callWorker, testEnv } from './support/worker';

// "ดาวน์โหลดข้อมูลของฉัน": what the organisation holds about a resident, as a file they keep; in chat a
// button to the LIFF page where the download is (a bot cannot send a file).
const org = useOrg('trang');
const STAFF_NAME = 'ประภาพร ผู้ตรวจ';
let officer: StaffChat & { staffId: number };

beforeAll(async () => {
  officer = await enroll(org.slug, org.id, ['admin'], { name: STAFF_NAME });
}, 60_000);

const exportAs = (headers: Record<string, string> = {}) =>
  callWorker(`/api/orgs/${org.slug}/track/my-data/export`, { headers });

async function file(userId: string, body: Record<string, unknown>) {
  const key = newKey();
  expect((await (await formUser(org.slug, userId)).submit({ ...body, submissionKey: key })).status).toBe(201);
  return (await filed(key)).complaints[0] as { id: number; code: string };
}

describe('the resident export', () => {
  it('holds their own cases in full, what they added, never an anonymous case, a staff member or another person', async () => {
    const me = newUserId();
    const own = await file(me, {
      ...grievanceReport(''),
      description: 'ท่อระบายน้ำแตกหน้าตลาดสด น้ำเสียไหลลงถนน',
    });
    const tip = await file(me, { ...anonymousReport(''), description: 'หัวหน้าเรียกรับเงินค่าต่อใบอนุญาตร้านค้า' });
    const other = await file(newUserId(), { ...grievanceReport(''), description: 'ต้นไม้ล้มขวางทางซอยสาม' });
    await staffAct(org, officer.staffId, own.id, { action: 'accept' });
    await staffAct(org, officer.staffId, own.id, { action: 'update', message: 'ส่งช่างสำรวจพรุ่งนี้เช้า' });
    const t = await tracker(org.slug, me);
    expect((await t.addInfo(own.code, { text: 'น้ำเริ่มท่วมทางเท้าแล้ว' })).status).toBe(201);

    const before = bangkokDate(Date.now());
    const response = await exportAs(bearer(await mintIdToken({ channel: org.slug, userId: me })));
    expect(response.status).toBe(200);
    // The file is named with the day it was made (either side of a midnight during the request).
    const named = /^attachment; filename="my-data-trang-(\d{4}-\d{2}-\d{2})\.json"$/.exec(
      response.headers.get('content-disposition') ?? '',
    );
    expect([before, bangkokDate(Date.now())]).toContain(named?.[1]);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    const json = JSON.parse(text);
    expect(json).toMatchObject({ organisation: org.name, draft: false });
    expect(json.cases).toHaveLength(1);
    expect(json.cases[0]).toMatchObject({
      code: own.code,
      description: 'ท่อระบายน้ำแตกหน้าตลาดสด น้ำเสียไหลลงถนน',
      contact: 'บัญชี LINE นี้',
      finished: false,
      addedLater: [{ text: 'น้ำเริ่มท่วมทางเท้าแล้ว' }],
    });
    expect(json.anonymousCases).toContain('ไม่เปิดเผยตัวตน');
    // Never the anonymous tip, another person's case, a staff member or what staff wrote.
    for (const absent of [tip.code, 'เรียกรับเงิน', other.code, 'ต้นไม้ล้ม', STAFF_NAME, 'ส่งช่างสำรวจ', me]) {
      expect(text).not.toContain(absent);
    }
    // Someone with nothing filed gets an empty file.
    const nobody = await exportAs(bearer(await mintIdToken({ channel: org.slug, userId: newUserId() })));
    expect(((await nobody.json()) as { cases: unknown[] }).cases).toEqual([]);
  });

  it('gives back the name and phone they gave, opened from the vault for them alone', async () => {
    const me = newUserId();
    const tip = await file(me, {
      ...anonymousReport(''),
      description: 'มีการเรียกรับเงินค่าตรวจแบบอาคาร',
      identity: { mode: 'confidential', name: 'สมศรี ใจกล้า', phone: '0812345678' },
    });
    const plain = await file(me, { ...grievanceReport(''), description: 'ไฟถนนหน้าบ้านดับสามวันแล้ว' });
    const someoneElse = newUserId();
    await file(someoneElse, {
      ...anonymousReport(''),
      identity: { mode: 'confidential', name: 'มานะ อดทน', phone: '0899999999' },
    });
    const json = (await (
      await exportAs(bearer(await mintIdToken({ channel: org.slug, userId: me })))
    ).json()) as { cases: { code: string; yourName: string | null; yourPhone: string | null }[] };
    expect(json.cases.map((c) => [c.code, c.yourName, c.yourPhone])).toEqual([
      [plain.code, null, null],
      [tip.code, 'สมศรี ใจกล้า', '0812345678'],
    ]);
    const text = JSON.stringify(json);
    for (const absent of ['มานะ', '0899999999', me]) expect(text).not.toContain(absent);
  });

  it('is refused without a verified LIFF token: absent, forged, or another organisation’s', async () => {
    const me = newUserId();
    const own = await file(me, { ...grievanceReport(''), description: 'ฝาท่อหายหน้าโรงเรียน' });
    const forged = await forgeIdToken(claimsFor(org.liffId.split('-')[0]!, me), { kid: await platformKid() });
    const foreign = await mintIdToken({ channel: 'lampang', userId: me });
    for (const headers of [{}, bearer(forged), bearer(foreign), bearer('not-a-token')]) {
      const refused = await exportAs(headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(refused.headers.get('content-disposition')).toBeNull();
      expect(await refused.text()).not.toContain(own.code);
    }
  });

  it('in chat, "ข้อมูลของฉัน" has a button to the LIFF page where the download is', async () => {
    const p = resident(org.slug);
    await file(p.userId, { ...grievanceReport(''), description: 'ไฟจราจรสี่แยกหอนาฬิกาเสีย' });
    const shown = await p.say('ข้อมูลของฉัน');
    const button = actionsIn(shown).find((a) => a.label === 'ดาวน์โหลดข้อมูล');
    expect(button).toMatchObject({
      type: 'uri',
      uri: `${testEnv.APP_ORIGIN}/o/${org.slug}/track?show=my-data`,
    });
    // The deletion request still follows, as a quick reply of the last message.
    expect(
      shown.at(-1)!.message.quickReply?.items.map((i: { action: { label: string } }) => i.action.label),
    ).toEqual(['ขอลบข้อมูลของฉัน']);
    // Nothing filed, nothing to download.
    expect(actionsIn(await resident(org.slug).say('ข้อมูลของฉัน')).map((a) => a.label)).not.toContain(
      'ดาวน์โหลดข้อมูล',
    );
  });
});
