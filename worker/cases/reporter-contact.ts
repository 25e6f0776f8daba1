import type { ReporterContact } from '../../schema/contracts/staff-identity';
import { openVaultEntry, type VaultRow } from '../complaints/vault';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';

/**
 * The second reader of the identity vault (docs/privacy.md, "Integrity officers reading a confidential
 * reporter's contact" and "A grievance's call-back phone"); the first is the notifier. It opens only CONFIDENTIAL corruption reports, the
 * ones whose reporter chose to give the organisation a name and phone, and returns those two and never
 * the LINE user id. Reading and auditing are one function so that no caller can have one without the
 * other. Nothing here is logged.
 */
export interface ContactRequest {
  orgId: number;
  caseId: number;
  staffId: number;
  reason: string;
  now: number;
}

/**
 * The name and phone of a confidential corruption report's reporter, after writing the audit: a
 * `case_views` row (via `reveal`) and an `events` row on the complaint (`reporter_contact_viewed`,
 * actor `staff:<id>`, data: the view's id and the reason). Null, with nothing written, for any other
 * case; the caller has checked the officer's role and access.
 */
export async function revealReporterContact(
  db: Db,
  keyring: Keyring,
  r: ContactRequest,
): Promise<ReporterContact | null> {
  const c = db.$client;
  // The conditions repeat the route's checks: this function alone decides which rows may be opened.
  const row = await c
    .prepare(
      `select v.id, v.sealed from complaints c join identity_vault v on v.id = c.vault_id and v.org_id = c.org_id
       where c.id = ? and c.org_id = ? and c.track = 'corruption' and c.identity_mode = 'confidential'
         and v.kind = 'confidential'`,
    )
    .bind(r.caseId, r.orgId)
    .first<VaultRow>();
  if (!row) return null;
  const { name, phone } = await openVaultEntry(keyring, r.orgId, row);
  if (!name || !phone) return null;
  await auditRead(db, r, { via: 'reveal', action: 'reporter_contact_viewed', reason: r.reason });
  return { name, phone };
}

/**
 * The call-back phone of a general grievance, for the staff who handle it (the complainant gave it "for a
 * call-back"), after writing the same audit as a reveal: a `case_views` row (via `callback`) and an
 * `events` row (`callback_phone_viewed`). Never a name, never the LINE user id; null, with nothing
 * written, for any case without one. The caller has checked that the staff member handles the case.
 */
export async function readCallbackPhone(
  db: Db,
  keyring: Keyring,
  r: Omit<ContactRequest, 'reason'>,
): Promise<string | null> {
  const c = db.$client;
  const row = await c
    .prepare(
      `select v.id, v.sealed from complaints c join identity_vault v on v.id = c.vault_id and v.org_id = c.org_id
       where c.id = ? and c.org_id = ? and c.track = 'grievance' and c.identity_mode = 'identified'
         and c.callback_phone = 1 and v.kind = 'identified'`,
    )
    .bind(r.caseId, r.orgId)
    .first<VaultRow>();
  if (!row) return null;
  const { phone } = await openVaultEntry(keyring, r.orgId, row);
  if (!phone) return null;
  await auditRead(db, r, { via: 'callback', action: 'callback_phone_viewed' });
  return phone;
}

// Audit before answering: if the write fails, nothing is shown. One batch (one transaction), so
// last_insert_rowid() is the view just written and the audit log can join the reason to it.
async function auditRead(
  db: Db,
  r: Omit<ContactRequest, 'reason'>,
  what: { via: 'reveal' | 'callback'; action: string; reason?: string },
): Promise<void> {
  const c = db.$client;
  await c.batch([
    c
      .prepare('insert into case_views (org_id, complaint_id, staff_id, via, at) values (?, ?, ?, ?, ?)')
      .bind(r.orgId, r.caseId, r.staffId, what.via, r.now),
    c
      .prepare(
        `insert into events (org_id, entity, entity_id, action, actor, data, created_at)
         values (?, 'complaint', ?, ?, ?, json_object('viewId', last_insert_rowid(), 'reason', ?), ?)`,
      )
      .bind(r.orgId, String(r.caseId), what.action, `staff:${r.staffId}`, what.reason ?? null, r.now),
  ]);
}
