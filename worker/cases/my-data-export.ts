import type { ComplaintStatus, ComplaintTrack } from '../../schema/contracts/complaint-rules';
import { trackNames } from '../../schema/contracts/complaint-rules';
import { statusNames } from '../../schema/contracts/staff';
import type { MyDataExport } from '../../schema/contracts/tracking';
import { bangkokDate, formatThaiDate, formatThaiDay } from '../../lib/thai-date';
import { findActiveDraft } from '../complaints/drafts-data';
import { openVaultEntry, type VaultIdentity } from '../complaints/vault';
import { keysOf, type MyDataDeps } from './my-data';
import { FINISHED_SQL } from './retention-policy';

// Far more than anyone files; a bound on one answer's size all the same.
const MAX_CASES = 500;

const ABOUT =
  'ข้อมูลที่หน่วยงานเก็บไว้เกี่ยวกับท่าน: เรื่องที่ท่านแจ้งในนามของท่านผ่านบัญชี LINE นี้ สิ่งที่ท่านเขียนและส่งเพิ่ม ชื่อและเบอร์โทรที่ท่านให้ไว้ (หน่วยงานเก็บแบบเข้ารหัส ถอดรหัสให้เฉพาะในไฟล์นี้ของท่าน) และวันที่ต่าง ๆ ไฟล์นี้ไม่มีชื่อเจ้าหน้าที่ผู้ดำเนินการ';
const ANONYMOUS = 'เรื่องที่แจ้งแบบไม่เปิดเผยตัวตนไม่ผูกกับบัญชี LINE จึงไม่อยู่ในไฟล์นี้ ดูได้ด้วยเลขรับเรื่องและรหัส PIN';

interface CaseRow {
  id: number;
  code: string;
  track: ComplaintTrack;
  category: string;
  status: ComplaintStatus;
  finished: number;
  created_at: number;
  channel: 'line_chat' | 'liff';
  description: string;
  place_text: string | null;
  place_address: string | null;
  latitude: number | null;
  longitude: number | null;
  occurred_on: string | null;
  occurred_text: string | null;
  involved: string | null;
  identity_mode: string;
  callback_phone: number;
  result_due_on: string;
  erase_after: number | null;
  erase_requested_at: number | null;
  vault_id: string;
  sealed: string | null;
}

function erasure(r: CaseRow): string | null {
  if (r.erase_requested_at !== null) return 'ท่านขอลบแล้ว: จะลบทันทีเมื่อเรื่องเสร็จสิ้น';
  if (r.erase_after !== null) return `จะลบข้อมูลส่วนบุคคลของเรื่องนี้ในวันที่ ${formatThaiDay(r.erase_after)}`;
  return null;
}

/**
 * Everything the organisation holds about the person writing from their LINE account, as a file they
 * keep (docs/privacy.md, "The resident's own data"): the cases filed under their own name (found as
 * "ข้อมูลของฉัน" finds them; anonymous cases are never linked), what they wrote and sent later, their
 * ratings, how they are reached (the name and phone they gave, opened from the vault for them alone) and
 * the dates.
 * Nothing staff wrote and no staff member's name.
 */
export async function myDataExport(
  deps: MyDataDeps & { orgName: string },
  lineUserId: string,
): Promise<MyDataExport> {
  const keys = await keysOf(deps, lineUserId);
  const marks = keys.owner.map(() => '?').join(', ');
  const db = deps.db.$client;
  const { results: cases } = await db
    .prepare(
      `select c.id, c.code, c.track, k.name as category, c.status, c.status in (${FINISHED_SQL}) as finished,
         c.created_at, c.channel, c.description, c.place_text, c.place_address, c.latitude, c.longitude,
         c.occurred_on, c.occurred_text, c.involved, c.identity_mode, c.callback_phone, c.result_due_on,
         c.erase_after, c.erase_requested_at, c.vault_id, v.sealed
       from complaint_owners o join complaints c on c.id = o.complaint_id
       left join identity_vault v on v.id = c.vault_id and v.org_id = c.org_id
       join complaint_categories k on k.id = c.category_id
       where o.org_id = ? and o.owner_key in (${marks}) and c.erased_at is null
         and c.identity_mode <> 'anonymous'
       order by c.id desc limit ${MAX_CASES}`,
    )
    .bind(deps.orgId, ...keys.owner)
    .all<CaseRow>();
  const ids = JSON.stringify(cases.map((c) => c.id));
  const [added, ratings, files, draft, identities] = await Promise.all([
    // Only what the person sent (actor 'reporter'): staff notes and names stay out.
    db
      .prepare(
        `select complaint_id as id, at, note from complaint_events
         where org_id = ? and complaint_id in (select value from json_each(?)) and actor_type = 'resident'
           and action <> 'submitted' and note is not null and note <> '' order by at, id`,
      )
      .bind(deps.orgId, ids)
      .all<{ id: number; at: number; note: string }>(),
    db
      .prepare(
        `select complaint_id as id, score, comment from case_ratings
         where org_id = ? and complaint_id in (select value from json_each(?)) and (score is not null or comment is not null)
         order by closed_version`,
      )
      .bind(deps.orgId, ids)
      .all<{ id: number; score: number | null; comment: string | null }>(),
    db
      .prepare(
        `select complaint_id as id, count(*) as n from complaint_attachments
         where org_id = ? and complaint_id in (select value from json_each(?)) and purpose = 'evidence'
         group by complaint_id`,
      )
      .bind(deps.orgId, ids)
      .all<{ id: number; n: number }>(),
    findActiveDraft(deps.db, deps.orgId, keys.draft),
    Promise.all(cases.map((r) => ownIdentity(deps, r, lineUserId))),
  ]);
  return {
    organisation: deps.orgName,
    exportedAt: new Date(deps.now).toISOString(),
    exportedOn: formatThaiDay(deps.now),
    about: ABOUT,
    cases: cases.map((r, i) => ({
      code: r.code,
      track: trackNames[r.track].full,
      category: r.category,
      status: statusNames[r.status] ?? r.status,
      finished: r.finished === 1,
      filedOn: formatThaiDay(r.created_at),
      channel: r.channel === 'liff' ? 'แบบฟอร์มใน LINE' : 'แชต LINE',
      description: r.description,
      place: r.place_text,
      placeAddress: r.place_address,
      coordinates:
        r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
      when: r.occurred_on ? formatThaiDate(r.occurred_on) : r.occurred_text,
      involved: r.involved,
      contact: 'บัญชี LINE นี้',
      yourName: identities[i]!.name ?? null,
      yourPhone: identities[i]!.phone ?? null,
      evidenceFiles: files.results.find((f) => f.id === r.id)?.n ?? 0,
      addedLater: added.results
        .filter((e) => e.id === r.id)
        .map((e) => ({ on: formatThaiDay(e.at), text: e.note })),
      rating:
        ratings.results
          .filter((x) => x.id === r.id)
          .map(({ id: _, ...x }) => x)
          .at(-1) ?? null,
      resultDueOn: formatThaiDate(r.result_due_on),
      erasure: erasure(r),
    })),
    draft: draft !== null,
    anonymousCases: ANONYMOUS,
  };
}

/**
 * The name and phone the person gave with one case, opened from the vault for them alone: only when the
 * entry's LINE account is the one asking (the case was found by their owner key; this checks it again).
 */
async function ownIdentity(deps: MyDataDeps, r: CaseRow, lineUserId: string): Promise<VaultIdentity> {
  if (!r.sealed) return {};
  const identity = await openVaultEntry(deps.keyring, deps.orgId, { id: r.vault_id, sealed: r.sealed });
  return identity.lineUserId === lineUserId ? { name: identity.name, phone: identity.phone } : {};
}

/** The export's file name: the organisation and the Bangkok date (ASCII: a header value). */
export const myDataFileName = (orgSlug: string, now: number) => `my-data-${orgSlug}-${bangkokDate(now)}.json`;
