import { complaintDeadlines, complaintSubmission, submissionErrors } from '../../schema/contracts/complaint';
import { saltedHash } from '../crypto/keyed-hash';
import { type Keyring, seal } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { findCategory, isOrgUnit } from './categories-data';
import { findSubmitted, type SubmitResult } from './complaints-data';
import { draftEvent } from './draft-events';
import { draftContext } from './drafts-data';
import { newPin, newTrackingCode } from './tracking-code';
import { ownerKey } from './owner-key';
import { sealVaultEntry } from './vault';
import { complaintDueDates } from '../calendar/deadlines';
import { closedDatesBetween } from '../calendar/holidays-data';
import { deadlineWindow } from '../calendar/working-days';

export interface SubmitInput {
  orgId: number;
  /** Who is filing, from the authenticated channel (webhook source or LIFF ID token), never from the form. */
  lineUserId: string;
  channel: 'line_chat' | 'liff';
  /** Unvalidated: checked here against the shared contract. */
  submission: unknown;
  /** The chat draft being filed: its evidence goes with the complaint and it is closed in the same batch. */
  draftId?: string;
  now: number;
  /** Code generator (tests force collisions with it). */
  newCode?: () => string;
}

export type { SubmitResult };

const CODE_ATTEMPTS = 6;

/**
 * Files a complaint: validates it, seals the reporter's identity into the vault, picks a tracking code,
 * computes the deadlines, and writes complaint, vault entry, evidence links, the "received" event and
 * (from chat) the draft's closing in ONE batch. Idempotent per submission key: a double tap or a
 * duplicated webhook files one complaint (UNIQUE (org_id, submission_key) decides, not a prior read).
 * A code collision (UNIQUE (org_id, code)) rolls the batch back and retries with a new code.
 */
export async function submitComplaint(db: Db, keyring: Keyring, input: SubmitInput): Promise<SubmitResult> {
  const parsed = complaintSubmission.safeParse(input.submission);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'ข้อมูลเรื่องร้องเรียนไม่ครบถ้วน', submissionErrors(parsed.error));
  }
  const form = parsed.data;
  const existing = await findSubmitted(db, input.orgId, form.submissionKey);
  if (existing) return existing;

  const category = await findCategory(db, input.orgId, form.track, form.categoryCode);
  if (!category) {
    throw new AppError('validation_failed', 'ไม่พบหมวดของเรื่องนี้', { categoryCode: 'ไม่พบหมวดของเรื่องนี้' });
  }
  if (form.involvedUnitId !== undefined && !(await isOrgUnit(db, input.orgId, form.involvedUnitId))) {
    throw new AppError('validation_failed', 'ไม่พบกอง/ฝ่ายนี้', { involvedUnitId: 'ไม่พบกอง/ฝ่ายนี้' });
  }
  const window = deadlineWindow(input.now, complaintDeadlines.resultDays);
  const closed = await closedDatesBetween(db, input.orgId, window.from, window.to);
  const { forwardDueOn, acknowledgeDueOn, resultDueOn } = complaintDueDates(input.now, closed);

  const identity = form.identity;
  // An anonymous reporter who chose not to be reached in LINE leaves no trace of their account here.
  const reachInLine = identity.mode !== 'anonymous' || identity.reachInLine;
  const vault = await sealVaultEntry(keyring, input.orgId, identity.mode, {
    lineUserId: reachInLine ? input.lineUserId : undefined,
    name: identity.mode === 'confidential' ? identity.name : undefined,
    phone: identity.mode === 'anonymous' ? undefined : identity.phone,
  });
  const pin = identity.mode === 'anonymous' ? newPin() : undefined;
  // Identified and confidential reports can be listed by their reporter's account; anonymous ones never.
  const owner = pin ? null : await ownerKey(keyring, input.orgId, input.lineUserId);
  const pinHash = pin
    ? await saltedHash(keyring, 'complaint-pin', `${input.orgId}:${vault.id}:${pin}`)
    : null;
  // The receipt (with the one-time PIN) waits sealed on the draft until the chat has delivered it.
  const receiptSealed = input.draftId
    ? await seal(keyring, JSON.stringify({ pin }), draftContext.receipt(input.orgId, input.draftId))
    : null;

  const c = db.$client;
  const complaintId = `(select id from complaints where org_id = ? and submission_key = ?)`;
  for (let attempt = 1; ; attempt++) {
    const code = (input.newCode ?? newTrackingCode)();
    const statements = [
      c
        .prepare('insert into identity_vault (id, org_id, kind, sealed, created_at) values (?, ?, ?, ?, ?)')
        .bind(vault.id, input.orgId, vault.kind, vault.sealed, input.now),
      c
        .prepare(
          `insert into complaints (org_id, code, submission_key, track, category_id, unit_id, status, version,
             description, place_text, place_address, latitude, longitude, occurred_on, occurred_text, involved,
             involved_role, involved_unit_id, identity_mode, reach_in_line, callback_phone, vault_id, pin_hash, channel, forward_due_on, acknowledge_due_on, result_due_on,
             progress_due_on, related_complaint_id, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, 'received', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
             (select id from complaints where org_id = ? and code = ?), ?, ?)`,
        )
        .bind(
          input.orgId,
          code,
          form.submissionKey,
          form.track,
          category.id,
          category.unitId,
          form.description,
          form.place?.text ?? null,
          form.place?.address ?? null,
          form.place?.latitude ?? null,
          form.place?.longitude ?? null,
          form.occurred?.date ?? null,
          form.occurred?.text ?? null,
          form.involved ?? null,
          form.involvedRole ?? null,
          form.involvedUnitId ?? null,
          identity.mode,
          reachInLine ? 1 : 0,
          identity.mode === 'identified' && identity.phone ? 1 : 0,
          vault.id,
          pinHash,
          input.channel,
          forwardDueOn,
          acknowledgeDueOn,
          resultDueOn,
          // The first progress notice falls on the result date, if the case is still open then (never
          // for a reporter who cannot be reached).
          reachInLine ? resultDueOn : null,
          input.orgId,
          form.relatedCode ?? null,
          input.now,
          input.now,
        ),
      c
        .prepare(
          `insert into complaint_events (complaint_id, org_id, at, actor_type, actor_ref, action, from_status, to_status, note)
           values (${complaintId}, ?, ?, 'resident', 'reporter', 'submitted', null, 'received', ?)`,
        )
        .bind(input.orgId, form.submissionKey, input.orgId, input.now, input.channel),
      // Staff hear of it through the outbox (worker/notices/new-case-notices.ts): written here, with the
      // complaint, so whichever path filed it (chat or LIFF) a notification can never be lost.
      c
        .prepare(
          `insert into staff_notices (org_id, complaint_id, status, attempts, next_attempt_at, created_at)
           values (?, ${complaintId}, 'pending', 0, ?, ?)`,
        )
        .bind(input.orgId, input.orgId, form.submissionKey, input.now, input.now),
    ];
    if (owner) {
      statements.push(
        c
          .prepare(
            `insert into complaint_owners (complaint_id, org_id, owner_key) values (${complaintId}, ?, ?)`,
          )
          .bind(input.orgId, form.submissionKey, input.orgId, owner),
      );
    }
    if (input.draftId) {
      statements.push(
        c
          .prepare(
            `update complaint_attachments set complaint_id = ${complaintId}
             where org_id = ? and draft_id = ? and complaint_id is null`,
          )
          .bind(input.orgId, form.submissionKey, input.orgId, input.draftId),
        c
          .prepare(
            `update complaint_drafts set state = 'submitted', data = '{}', name_sealed = null, phone_sealed = null,
               paused = 0, receipt_sealed = ?, version = version + 1, last_active_at = ?
             where id = ? and org_id = ? and state = 'active'`,
          )
          .bind(receiptSealed, input.now, input.draftId, input.orgId),
        draftEvent(db, input.orgId, input.draftId, 'submitted', 'active', 'submitted', input.now, true),
      );
    }
    try {
      await c.batch(statements);
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (/complaints\.submission_key/.test(message)) {
        const filed = await findSubmitted(db, input.orgId, form.submissionKey);
        if (filed) return filed;
      }
      if (/complaints\.code/.test(message) && attempt < CODE_ATTEMPTS) continue;
      throw error;
    }
    const row = await c
      .prepare('select id from complaints where org_id = ? and submission_key = ?')
      .bind(input.orgId, form.submissionKey)
      .first<{ id: number }>();
    return {
      duplicate: false,
      complaintId: row!.id,
      code,
      track: form.track,
      categoryName: category.name,
      createdAt: input.now,
      acknowledgeDueOn,
      resultDueOn,
      reachInLine,
      ...(pin ? { pin } : {}),
    };
  }
}
