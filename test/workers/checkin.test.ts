import { beforeAll, describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { deliverDueComplainantNotices } from '../../worker/cron/scheduled';
import { staffAct } from './support/case-lifecycle';
import { expectText, textOf } from './support/complaint';
import { platformApi } from './support/line';
import { resident, upToIdentity } from './support/complaint-steps';
import { allRows, firstRow } from './support/db';
import { complaintIdOf, confirmComplaint } from './support/file-complaint';
import { enroll, type StaffChat } from './support/staff';
import { asUser } from './support/staff-api';
import { testEnv } from './support/worker';

// Some weeks after a tip is finished, its reporter is asked once, privately, whether they suffered for
// reporting; "มี" opens a tip on the protected track linked to the earlier case.
const org = useOrg('chanthaburi');
const DAY = 24 * 60 * 60 * 1000;
let integrity: StaffChat & { staffId: number };
let admin: StaffChat & { staffId: number };

beforeAll(async () => {
  integrity = await enroll(org.slug, org.id, ['integrity']);
  admin = await enroll(org.slug, org.id, ['admin']);
}, 60_000);

const checkins = (caseId: number) =>
  allRows<{ status: string; next_attempt_at: number }>(
    "select status, next_attempt_at from complainant_notices where complaint_id = ? and kind = 'checkin'",
    caseId,
  );

async function finishedTip() {
  const p = resident(org.slug);
  await upToIdentity(p, 'หัวหน้ากองคลังเรียกเงินใต้โต๊ะจากผู้รับเหมา 10,000 บาท');
  await p.tap('ไม่เปิดเผยตัวตน');
  const id = await complaintIdOf(await confirmComplaint(p));
  const now = Date.now();
  await staffAct(org, integrity.staffId, id, { action: 'accept' }, now);
  await staffAct(
    org,
    integrity.staffId,
    id,
    { action: 'close', outcome: 'resolved', summary: 'ตั้งกรรมการสอบแล้ว' },
    now,
  );
  return { p, id, now };
}

describe('the check-in after a tip', () => {
  it('waits four weeks after the result, then asks once; "มี" files a linked tip on the protected track', async () => {
    const { p, id, now } = await finishedTip();
    expect(await checkins(id)).toEqual([{ status: 'pending', next_attempt_at: now + 28 * DAY }]);
    // The result went at once; the check-in did not go with it.
    await deliverDueComplainantNotices(testEnv, now + 27 * DAY);
    expect((await checkins(id))[0]?.status).toBe('pending');
    await deliverDueComplainantNotices(testEnv, now + 28 * DAY + 1);
    expect((await checkins(id))[0]?.status).toBe('sent');

    const code = (await firstRow<{ code: string }>('select code from complaints where id = ?', id))!.code;
    const pushes = await platformApi<{ via: string; message: { text?: string } }[]>(
      `/_platform/messages?channel=${org.slug}&chat=${p.userId}`,
    );
    const checkin = pushes.filter((m) => m.via === 'push').at(-1)!;
    expect(checkin.message.text).toContain(`เรื่องเลขรับ ${code}`);
    expect(checkin.message.text).toContain('ถูกกลั่นแกล้ง');

    const started = await p.say(`ถูกกลั่นแกล้งหลังแจ้งเรื่อง ${code}`);
    expectText(started, `หลังแจ้งเรื่อง ${code}`, 'หมวดของเรื่อง');
    await p.tap('ใช้อำนาจโดยมิชอบ');
    await p.say('หลังแจ้งเรื่อง ถูกหัวหน้ากองคลังข่มขู่ว่าจะไม่ต่อสัญญาจ้าง');
    await p.tap('ข้าม');
    await p.tap('ไม่มีหลักฐาน');
    await p.tap('ไม่ทราบ');
    const summary = await p.tap('ไม่เปิดเผยตัวตน');
    expectText(summary, `${code} (ผู้แจ้งถูกกลั่นแกล้ง)`);
    const newId = await complaintIdOf(await confirmComplaint(p));
    expect(await firstRow('select track, related_complaint_id from complaints where id = ?', newId)).toEqual({
      track: 'corruption',
      related_complaint_id: id,
    });
    const detail = await asUser(org.slug, integrity.userId, `/cases/${newId}`);
    expect(detail.json.case.relatedCode).toBe(code);
  });

  it('"ไม่มี" is thanked; an organisation can turn the check-in off; grievances never get one', async () => {
    const p = resident(org.slug);
    expect(textOf(await p.say('ไม่มีผลกระทบ ขอบคุณ'))).toContain('ขอบคุณที่แจ้งให้');
    const off = await asUser(org.slug, admin.userId, '/settings/checkin', {
      method: 'PUT',
      body: { days: 0 },
    });
    expect(off.status).toBe(200);
    expect(off.json.checkinDays).toBe(0);
    expect(
      (await asUser(org.slug, admin.userId, '/settings/checkin', { method: 'PUT', body: { days: 3 } }))
        .status,
    ).toBe(422);
    const { id } = await finishedTip();
    expect(await checkins(id)).toEqual([]);
    await asUser(org.slug, admin.userId, '/settings/checkin', { method: 'PUT', body: { days: 28 } });
  });
});
