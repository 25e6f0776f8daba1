import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findPersonState,
  type PersonKeys,
  personKeys,
  personStateQuery,
} from '../../worker/bot/person-lookup';
import { toBase64 } from '../../worker/crypto/base64';
import { createKeyring } from '../../worker/crypto/secret-box';
import { createDb } from '../../worker/db/client';
import { useOrg } from '../fixtures/demo-org';
import { lastComplaint } from './support/complaint';
import { resident, toSummary } from './support/complaint-steps';
import { newUserId } from './support/line';
import { allRows, execute, firstRow, runBatch } from './support/db';

const org = useOrg('chanthaburi');
const randomKey = () => toBase64(crypto.getRandomValues(new Uint8Array(32)));
const oldKey = randomKey();
const newKey = randomKey();
const db = () => createDb(env.DB);
let complaintId = 0;

// A person whose rows were all written before a key rotation: hashes under the old key only.
async function seedUnderOldKey(userId: string, now: number) {
  const keys = await personKeys(await createKeyring(oldKey), org.id, userId);
  const draftId = `rot${crypto.randomUUID().replace(/-/g, '').slice(0, 23)}`;
  await execute(
    `insert into complaint_drafts (id, org_id, person_key, state, step, version, data, paused, created_at, last_active_at)
     values (?, ?, ?, 'active', 'description', 4, '{"track":"grievance"}', 0, ?, ?)`,
    draftId,
    org.id,
    keys.draft[0],
    now,
    now,
  );
  const staff = await firstRow<{ id: number }>(
    `insert into staff_members (org_id, person_key, line_user_sealed, display_name, status, created_at, updated_at)
     values (?, ?, 'v1.x.y.z', 'วิภา', 'active', ?, ?) returning id`,
    org.id,
    keys.staff[0],
    now,
    now,
  );
  const staffId = staff!.id;
  const unit = await firstRow<{ id: number }>(
    "select id from units where org_id = ? and code = 'engineering'",
    org.id,
  );
  await runBatch([
    {
      sql: "insert into staff_roles (staff_id, role) values (?, 'officer'), (?, 'executive')",
      params: [staffId, staffId],
    },
    { sql: 'insert into staff_units (staff_id, unit_id) values (?, ?)', params: [staffId, unit!.id] },
    {
      sql: `insert into staff_prompts (org_id, chat_id, staff_id, complaint_id, action, arg, version, expires_at)
       values (?, 'direct', ?, ?, 'cls', 'resolved', 3, ?)`,
      params: [org.id, staffId, complaintId, now + 60_000],
    },
    {
      sql: `insert into case_reply_waits (org_id, person_key, complaint_id, asked_by, created_at, expires_at)
       values (?, ?, ?, ?, ?, ?)`,
      params: [org.id, keys.reply[0], complaintId, staffId, now, now + 60_000],
    },
    {
      sql: `insert into case_info_waits (org_id, person_key, complaint_id, open, expires_at)
       values (?, ?, ?, 1, ?)`,
      params: [org.id, keys.info[0], complaintId, now + 60_000],
    },
  ]);
  return { keys, draftId, staffId, unitId: unit!.id };
}

beforeAll(async () => {
  const p = resident('chanthaburi');
  const summary = await toSummary(p, 'grievance');
  expect(summary.length).toBeGreaterThan(0);
  await p.tap('ยืนยันส่งเรื่อง');
  complaintId = (await lastComplaint(org.id)).id;
});

describe('the 1:1 person lookup (draft, staff, prompt, question, info window: one statement)', () => {
  it('finds rows hashed under the previous key after a rotation, with every field', async () => {
    const now = Date.now();
    const userId = newUserId();
    const seeded = await seedUnderOldKey(userId, now);
    const rotated = await personKeys(await createKeyring(newKey, oldKey), org.id, userId);
    // Current key first, then the previous one: new rows get the new hash, old rows are still found.
    for (const purpose of ['draft', 'staff', 'reply', 'info'] as const) {
      expect(rotated[purpose]).toHaveLength(2);
      expect(rotated[purpose][1]).toBe(seeded.keys[purpose][0]);
      expect(rotated[purpose][0]).not.toBe(seeded.keys[purpose][0]);
    }
    const state = await findPersonState(db(), { orgId: org.id, keys: rotated, now });
    expect(state.draft).toMatchObject({
      id: seeded.draftId,
      state: 'active',
      step: 'description',
      version: 4,
      data: { track: 'grievance' },
      paused: false,
      nameSealed: null,
    });
    expect(state.staff).toEqual({
      id: seeded.staffId,
      orgId: org.id,
      displayName: 'วิภา',
      active: true,
      roles: ['officer', 'executive'],
      unitIds: [seeded.unitId],
    });
    expect(state.prompt).toEqual({
      staffId: seeded.staffId,
      complaintId,
      action: 'cls',
      arg: 'resolved',
      version: 3,
    });
    expect(state.wait).toEqual({ complaintId, askedBy: seeded.staffId });
    expect(state.info).toEqual({ complaintId });

    // Without the previous key, in another organisation, or once expired: nothing.
    const newOnly = await personKeys(await createKeyring(newKey), org.id, userId);
    const none = {
      draft: null,
      staff: null,
      prompt: null,
      wait: null,
      info: null,
      comment: null,
      progress: [],
    };
    expect(await findPersonState(db(), { orgId: org.id, keys: newOnly, now })).toEqual(none);
    const other = useOrg('trang');
    const elsewhere = await personKeys(await createKeyring(newKey, oldKey), other.id, userId);
    expect(await findPersonState(db(), { orgId: other.id, keys: elsewhere, now })).toEqual(none);
    const later = await findPersonState(db(), { orgId: org.id, keys: rotated, now: now + 61_000 });
    expect(later.prompt).toBeNull();
    expect(later.wait).toBeNull();
    expect(later.info).toBeNull();
    expect(later.staff?.id).toBe(seeded.staffId);
  });

  it('a removed staff member is nobody, and their prompt is not theirs any more', async () => {
    const now = Date.now();
    const userId = newUserId();
    const seeded = await seedUnderOldKey(userId, now);
    await execute("update staff_members set status = 'removed' where id = ?", seeded.staffId);
    const keys = await personKeys(await createKeyring(oldKey), org.id, userId);
    const state = await findPersonState(db(), { orgId: org.id, keys, now });
    expect(state.staff).toBeNull();
    expect(state.prompt).toBeNull();
    expect(state.draft?.id).toBe(seeded.draftId);
  });

  it('reads every table through an index, so rows read do not grow with the tables', async () => {
    const keys: PersonKeys = await personKeys(await createKeyring(newKey, oldKey), org.id, newUserId());
    const { sql, params } = personStateQuery({ orgId: org.id, keys, now: Date.now() });
    const plan = await allRows<{ detail: string }>(`explain query plan ${sql}`, ...params);
    const details = plan.map((r) => r.detail);
    const all = details.join(' | ');
    // The outer select has no table ("SCAN CONSTANT ROW"); every table read is a SEARCH on an index.
    const reads = details.filter((d) => /^(SCAN|SEARCH) /.test(d) && d !== 'SCAN CONSTANT ROW');
    for (const d of reads) expect(d, all).toMatch(/^SEARCH \S+ USING (COVERING )?(INDEX|PRIMARY KEY)/);
    const used = reads.map((d) => /USING (?:COVERING )?INDEX (\S+)/.exec(d)?.[1]);
    expect(used, all).toEqual([
      'complaint_drafts_active_person',
      'staff_members_org_person',
      'sqlite_autoindex_staff_roles_1',
      'sqlite_autoindex_staff_units_1',
      'staff_members_org_person',
      'sqlite_autoindex_staff_prompts_1',
      'sqlite_autoindex_case_reply_waits_1',
      'complaint_owners_org_owner',
      'complainant_notices_case',
      'sqlite_autoindex_case_info_waits_1',
      'sqlite_autoindex_rating_comment_waits_1',
    ]);
  });
});
