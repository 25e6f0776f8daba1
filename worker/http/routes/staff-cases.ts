import { Hono } from 'hono';
import { z } from 'zod';
import {
  type CaseDetail,
  type CasePage,
  caseActionBody,
  caseListQuery,
} from '../../../schema/contracts/staff-api';
import { requireLiffUser } from '../middleware/liff-user';
import { tellOthers } from '../../cases/action-notices';
import { keyringFromEnv } from '../../crypto/keyring';
import { createDb } from '../../db/client';
import { AppError, type ErrorCode } from '../../errors';
import { type ActionResult, performCaseAction } from '../../cases/case-actions';
import { caseDetail } from '../../cases/case-detail-data';
import { canRead } from '../../cases/case-machine';
import { recordCaseView } from '../../cases/case-transition-data';
import { getCase } from '../../cases/cases-data';
import { listCases } from '../../cases/case-list-data';
import { lineForOrg } from '../../orgs/org-line';
import { parseQuery } from '../middleware/query';
import { requireStaff, type StaffEnv } from '../middleware/staff-auth';

const caseId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const errorFor: Record<Extract<ActionResult, { ok: false }>['reason'], ErrorCode> = {
  not_found: 'not_found',
  no_access: 'forbidden',
  not_handler: 'forbidden',
  not_executive: 'forbidden',
  stale: 'conflict',
  already_taken: 'conflict',
  finished: 'conflict',
  wrong_status: 'conflict',
  invalid: 'validation_failed',
  bad_target: 'validation_failed',
  unit_on_corruption: 'validation_failed',
};

/**
 * Cases for staff, mounted at /api/orgs/:org/staff/cases: the list (filters, keyset pages), one case
 * with its timeline and evidence links (opening a corruption case is audited), and the actions. Role
 * and case access are checked on every request; nothing here reads the identity vault.
 */
export const staffCases = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/', async (c) => {
    const query = parseQuery(caseListQuery, c.req.query());
    const page = await listCases(createDb(c.env.DB), c.var.org.id, c.var.staff, query, Date.now());
    return c.json<CasePage>(page);
  })
  .get('/:caseId', async (c) => {
    const db = createDb(c.env.DB);
    const { org, staff } = c.var;
    const id = caseId.safeParse(c.req.param('caseId'));
    const found = id.success ? await getCase(db, org.id, id.data) : null;
    // Not found and not allowed answer alike: a staff member cannot probe for cases they may not see.
    if (!found || !canRead(found, staff)) throw new AppError('not_found', 'ไม่พบเรื่องนี้');
    const now = Date.now();
    if (found.track === 'corruption') {
      await recordCaseView(db, { orgId: org.id, caseId: found.id, staffId: staff.id, via: 'liff', now });
    }
    const detail = await caseDetail(db, await keyringFromEnv(c.env), {
      orgSlug: org.slug,
      me: staff,
      c: found,
      now,
    });
    return c.json<CaseDetail>(detail);
  })
  .post('/:caseId/actions', async (c) => {
    const id = caseId.safeParse(c.req.param('caseId'));
    if (!id.success) throw new AppError('not_found', 'ไม่พบเรื่องนี้');
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw new AppError('invalid_json', 'ข้อมูลที่ส่งมาไม่ถูกต้อง');
    }
    const body = caseActionBody.safeParse(json);
    if (!body.success)
      throw new AppError(
        'validation_failed',
        body.error.issues[0]?.message ?? 'ข้อมูลไม่ครบถ้วน',
        body.error.issues,
      );
    const db = createDb(c.env.DB);
    const keyring = await keyringFromEnv(c.env);
    const { org, staff } = c.var;
    const target = await lineForOrg(c.env, db, keyring, org.id);
    if (!target) throw new AppError('org_not_found', 'unknown organisation');
    const { version, ...request } = body.data;
    const now = Date.now();
    const result = await performCaseAction(
      { db, keyring, line: target.line, org, now },
      staff,
      id.data,
      request,
      version,
    );
    if (!result.ok)
      throw new AppError(errorFor[result.reason], result.message, {
        reason: result.reason,
        version: result.case?.version,
      });
    const links = { env: c.env, orgSlug: org.slug, liffId: target.liffId };
    const notified = await tellOthers({ db, keyring, line: target.line, links }, result, staff);
    const detail = await caseDetail(db, keyring, { orgSlug: org.slug, me: staff, c: result.case, now });
    return c.json<CaseDetail & { delivered: boolean | null; notified: string | null }>({
      ...detail,
      delivered: result.delivered,
      notified,
    });
  });
