import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { fileFormGrievance } from './support/case-lifecycle';
import { allRows, firstRow } from './support/db';
import { useStaff } from './support/roster';
import { callAs, lampangAdmins } from './support/staff-admin';

// A complainant who gives a phone "for a call-back" is called back: the grievance's handlers read it,
// audited; nobody else does, and it appears in no other answer.
const org = useOrg('lampang');
const { admin, officer, executive } = useStaff(org, lampangAdmins);
const { healthOfficer } = useStaff(org, {
  healthOfficer: { roles: ['officer'], unit: 'health', name: 'สาธารณสุข' },
});
const as = callAs(org.slug);
const PHONE = '0812345678';

async function fileGrievance(phone?: string) {
  const c = await fileFormGrievance(org, phone);
  return (await firstRow<{ id: number; callback_phone: number }>(
    'select id, callback_phone from complaints where id = ?',
    c.id,
  ))!;
}

describe("a grievance's call-back phone", () => {
  it('its handler reads it (recorded); the card says a call-back was asked; no other answer carries it', async () => {
    const c = await fileGrievance(PHONE);
    expect(c.callback_phone).toBe(1);
    const detail = await as(officer, `/cases/${c.id}`, 'GET');
    expect(detail.status).toBe(200);
    expect(detail.json.case.callbackPhone).toBe(true);
    expect(detail.text).not.toContain(PHONE);

    const read = await as(officer, `/cases/${c.id}/callback-phone`, 'POST');
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ phone: PHONE });
    expect(read.headers.get('cache-control')).toContain('no-store');
    expect(
      await allRows("select staff_id, via from case_views where complaint_id = ? and via = 'callback'", c.id),
    ).toEqual([{ staff_id: officer.staffId, via: 'callback' }]);
    expect(
      await firstRow(
        "select actor from events where entity = 'complaint' and entity_id = ? and action = 'callback_phone_viewed'",
        String(c.id),
      ),
    ).toEqual({ actor: `staff:${officer.staffId}` });
    // The admin's audit log names the reading, never the number.
    const audit = await as(admin, '/settings/audit', 'GET');
    expect(audit.json.items).toContainEqual(expect.objectContaining({ via: 'callback' }));
    expect(audit.text).not.toContain(PHONE);
  });

  it('refuses those who do not handle it, and a case without a phone, writing nothing', async () => {
    const c = await fileGrievance(PHONE);
    const before = await allRows("select id from case_views where via = 'callback'");
    // An executive reads the case but does not make the call; another unit's officer does not see it.
    expect((await as(executive, `/cases/${c.id}/callback-phone`, 'POST')).status).toBe(403);
    expect((await as(healthOfficer, `/cases/${c.id}/callback-phone`, 'POST')).status).toBe(404);
    const none = await fileGrievance();
    expect(none.callback_phone).toBe(0);
    const answer = await as(officer, `/cases/${none.id}/callback-phone`, 'POST');
    expect(answer.status).toBe(404);
    expect(answer.json.error.message).toBe('ผู้ร้องเรียนไม่ได้ให้เบอร์โทรกลับ');
    expect(await allRows("select id from case_views where via = 'callback'")).toEqual(before);
  });
});
