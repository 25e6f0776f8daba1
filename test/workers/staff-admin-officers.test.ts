import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { nextDigestAt } from '../../worker/notices/digest-time';
import { resident, toSummary } from './support/complaint-steps';
import { useStaff } from './support/roster';
import { callAs, eventCount, eventsOf, lampangAdmins, unitIdOf } from './support/staff-admin';
import { execute, firstRow } from './support/db';

// Admins set which units an officer works in, and when the digest of new grievances goes out.
const org = useOrg('lampang');
const { admin, officer, executive } = useStaff(org, lampangAdmins);
const otherOrg = useOrg('chanthaburi');
const { admin: otherAdmin } = useStaff(otherOrg, { admin: 'admin' });
const as = callAs(org.slug);

describe("officers' units (admins)", () => {
  it("replaces an officer's units, with an event", async () => {
    const [engineering, health] = [await unitIdOf(org.id, 'engineering'), await unitIdOf(org.id, 'health')];
    const set = await as(admin, `/members/${officer.staffId}/units`, 'PUT', {
      unitIds: [health, engineering, health],
    });
    expect(set.status).toBe(200);
    expect([...set.json.unitIds].sort()).toEqual([engineering, health].sort());
    const events = await eventsOf('staff_member', officer.staffId);
    expect(events.at(-1)).toMatchObject({
      action: 'units_set',
      actor: `staff:${admin.staffId}`,
      from_state: JSON.stringify([engineering]),
      to_state: JSON.stringify([engineering, health].sort((a, b) => a - b)),
    });
    const me = await as(officer, '/members/me', 'GET');
    expect([...me.json.staff.unitIds].sort()).toEqual([engineering, health].sort());
    const none = await as(admin, `/members/${officer.staffId}/units`, 'PUT', { unitIds: [] });
    expect(none.json.unitIds).toEqual([]);
  });

  it('refuses non-officers, integrity units, other organisations and non-admins', async () => {
    const before = await eventCount();
    const finance = await unitIdOf(org.id, 'finance');
    const notOfficer = await as(admin, `/members/${executive.staffId}/units`, 'PUT', { unitIds: [finance] });
    expect(notOfficer.status).toBe(422);
    expect(notOfficer.json.error.message).toContain('เจ้าหน้าที่รับเรื่อง');
    const integrity = await as(admin, `/members/${officer.staffId}/units`, 'PUT', {
      unitIds: [await unitIdOf(org.id, 'integrity')],
    });
    expect(integrity.status).toBe(422);
    const theirUnit = await as(admin, `/members/${officer.staffId}/units`, 'PUT', {
      unitIds: [await unitIdOf(otherOrg.id, 'finance')],
    });
    expect(theirUnit.status).toBe(404);
    const theirMember = await as(admin, `/members/${otherAdmin.staffId}/units`, 'PUT', {
      unitIds: [finance],
    });
    expect(theirMember.status).toBe(404);
    expect((await as(admin, `/members/${officer.staffId}/units`, 'PUT', { unitIds: 'x' })).status).toBe(422);
    expect(
      (await as(officer, `/members/${officer.staffId}/units`, 'PUT', { unitIds: [finance] })).status,
    ).toBe(403);
    expect(await eventCount()).toBe(before);
  });
});

describe('digest times (admins)', () => {
  it('stores 1–4 valid times, unique and in order, and reschedules grievances waiting for a digest', async () => {
    const p = resident(org.slug);
    await toSummary(p, 'grievance');
    await p.tap('ยืนยันส่งเรื่อง');
    // Make the new grievance wait for a digest, as the digest policy would.
    await execute(
      `update staff_notices set status = 'pending', route = 'digest', attempts = 0, next_attempt_at = 1
       where org_id = ?`,
      org.id,
    );

    const put = await as(admin, '/settings/digest-times', 'PUT', { times: ['17:00', '7:05', '17:00'] });
    expect(put.status).toBe(200);
    expect(put.json.digestTimes).toBe('07:05,17:00');
    expect((await as(admin, '/settings', 'GET')).json.digestTimes).toBe('07:05,17:00');
    expect(await eventsOf('staff_settings', org.id)).toEqual([
      expect.objectContaining({ action: 'digest_times', from_state: '08:30,13:30', to_state: '07:05,17:00' }),
    ]);
    const waiting = await firstRow<{ next_attempt_at: number }>(
      'select next_attempt_at from staff_notices where org_id = ?',
      org.id,
    );
    expect(waiting!.next_attempt_at).toBe(nextDigestAt(Date.now(), '07:05,17:00'));
  });

  it('refuses no times, more than four, and anything that is not a time of day', async () => {
    const before = await eventCount();
    for (const times of [[], ['08:00', '09:00', '10:00', '11:00', '12:00'], ['24:00'], ['8.30'], 'x']) {
      const bad = await as(admin, '/settings/digest-times', 'PUT', { times });
      expect(bad.status, JSON.stringify(times)).toBe(422);
      expect(bad.json.error.message).toMatch(/เวลา/);
    }
    expect((await as(executive, '/settings/digest-times', 'PUT', { times: ['09:00'] })).status).toBe(403);
    expect(await eventCount()).toBe(before);
    expect((await as(admin, '/settings', 'GET')).json.digestTimes).toBe('07:05,17:00');
  });
});
