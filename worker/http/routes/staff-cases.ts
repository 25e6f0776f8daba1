import { Hono } from 'hono';
import {
  type CaseDetail,
  type CasePage,
  caseActionBody,
  caseListQuery,
} from '../../../schema/contracts/staff-api';
import { caseParam } from '../middleware/case-param';
import { requireLiffUser } from '../middleware/liff-user';
import { tellOthers } from '../../cases/action-notices';
import { AppError, type ErrorCode } from '../../errors';
import { type ActionResult, performCaseAction } from '../../cases/case-actions';
import { caseDetail } from '../../cases/case-detail-data';
import { canRead } from '../../cases/case-machine';
import { recordCaseView, recordListView } from '../../cases/case-transition-data';
import { getCase } from '../../cases/cases-data';
import { listCases } from '../../cases/case-list-data';
import { lineForOrg } from '../../orgs/org-line';
import { validate } from '../middleware/validate';
import { limitBody } from '../middleware/body-limit';
import { discardAfterPhoto } from '../../cases/after-photos';
import { storeCloseFormPhoto } from './staff-close-photo';
import { AFTER_PHOTO_MAX_BYTES, afterPhotoRefusalText } from '../../../lib/texts/after-photo-texts';

// An action body: a few fields of text, or a close with its after photo as base64.
const ACTION_MAX_BODY_BYTES = Math.ceil(AFTER_PHOTO_MAX_BYTES / 3) * 4 + 64 * 1024;
// Only a photo can make a body this long.
const actionBodyLimit = limitBody(ACTION_MAX_BODY_BYTES, afterPhotoRefusalText('too_large'));
import { requireStaff, type StaffEnv } from '../middleware/staff-auth';

const errorFor: Record<Extract<ActionResult, { ok: false }>['reason'], ErrorCode> = {
  not_found: 'not_found',
  no_access: 'forbidden',
  not_handler: 'forbidden',
  not_executive: 'forbidden',
  escalation_barred: 'forbidden',
  stale: 'conflict',
  already_taken: 'conflict',
  finished: 'conflict',
  wrong_status: 'conflict',
  invalid: 'validation_failed',
  bad_target: 'validation_failed',
  unit_on_corruption: 'validation_failed',
};

/** A refused action: its reason, and for a conflict the case's version now (to reload). */
function refusal(result: Extract<ActionResult, { ok: false }>): AppError {
  const code = errorFor[result.reason];
  // A validation_failed details fields (schema/contracts/error.ts); the reason stands for the form.
  if (code === 'validation_failed') {
    return new AppError('validation_failed', result.message, { reason: result.reason });
  }
  return new AppError(code, result.message, { reason: result.reason, version: result.case?.version });
}

/**
 * Cases for staff, mounted at /api/orgs/:org/staff/cases: the list (filters, keyset pages), one case
 * with its timeline and evidence links (opening a corruption case, or a list showing some, is audited),
 * and the actions. Role
 * and case access are checked on every request; nothing here reads the identity vault.
 */
export const staffCases = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/', validate('query', caseListQuery), async (c) => {
    const { db, org, staff, now } = c.var;
    const page = await listCases(db, org.id, staff, c.req.valid('query'), now);
    await recordListView(db, { orgId: org.id, staffId: staff.id, shown: page.items, now });
    return c.json<CasePage>(page);
  })
  .get('/:caseId', caseParam, async (c) => {
    const { db, org, staff, now } = c.var;
    const found = await getCase(db, org.id, c.req.valid('param').caseId);
    // One answer for "no such case" and "not yours to see": a tip kept from someone (the accused) must
    // not tell them it exists.
    if (!found || !canRead(found, staff)) throw new AppError('not_found', 'ไม่พบเรื่องนี้ หรือท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้');
    if (found.track === 'corruption') {
      await recordCaseView(db, { orgId: org.id, caseId: found.id, staffId: staff.id, via: 'liff', now });
    }
    const detail = await caseDetail(db, await c.var.keyring(), {
      orgSlug: org.slug,
      me: staff,
      c: found,
      now,
    });
    return c.json<CaseDetail>(detail);
  })
  .post('/:caseId/actions', actionBodyLimit, caseParam, validate('json', caseActionBody), async (c) => {
    const { db, org, staff, now } = c.var;
    const keyring = await c.var.keyring();
    const target = await lineForOrg(c.env, db, keyring, org.id);
    if (!target) throw new AppError('org_not_found', 'unknown organisation');
    const { version, ...body } = c.req.valid('json');
    const caseId = c.req.valid('param').caseId;
    const files = { db, bucket: c.env.EVIDENCE, orgId: org.id, now };
    // The close form's after photo is stored first (refused: nothing stored, nothing closed).
    const { afterPhoto, ...rest } = 'afterPhoto' in body ? body : { ...body, afterPhoto: undefined };
    const afterPhotoId =
      rest.action === 'close' && afterPhoto
        ? await storeCloseFormPhoto(files, staff, caseId, { outcome: rest.outcome, afterPhoto })
        : undefined;
    const request = rest.action === 'close' && afterPhotoId ? { ...rest, afterPhotoId } : rest;
    const result = await performCaseAction(
      { db, keyring, line: target.line, org, now, links: { origin: c.env.APP_ORIGIN, orgSlug: org.slug } },
      staff,
      caseId,
      request,
      version,
    );
    if (!result.ok) {
      // A refused close leaves no after photo behind.
      if (afterPhotoId) await discardAfterPhoto(db, c.env.EVIDENCE, caseId, afterPhotoId);
      throw refusal(result);
    }
    const links = { env: c.env, orgSlug: org.slug, liff: target.liff };
    const notified = await tellOthers({ db, keyring, line: target.line, links }, result, staff);
    const detail = await caseDetail(db, keyring, { orgSlug: org.slug, me: staff, c: result.case, now });
    return c.json<
      CaseDetail & { delivered: boolean | null; sendsAt: number | null; notified: string | null }
    >({
      ...detail,
      delivered: result.delivered,
      sendsAt: result.sendsAt,
      notified,
    });
  });
