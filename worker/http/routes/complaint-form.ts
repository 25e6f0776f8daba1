import { Hono } from 'hono';
import type { ComplaintReceipt, FormCategories } from '../../../schema/contracts/complaint-api';
import { complaintSubmission } from '../../../schema/contracts/complaint';
import { requireLiffUser } from '../middleware/liff-user';
import { countComplaintAttachments } from '../../complaints/attachments-data';
import { retentionPeriods } from '../../cases/retention';
import { type Category, listCategories, listOrgUnits } from '../../complaints/categories-data';
import { findLatestDraft } from '../../complaints/drafts-data';
import { formDraftKeys, openFormDraft, pendingPin } from '../../complaints/form-drafts';
import { submitComplaint } from '../../complaints/submit';
import { notifyNewCase } from '../../notices/notify-new-case';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { limitBody } from '../middleware/body-limit';
import { validate } from '../middleware/validate';
import { complaintEvidence } from './complaint-evidence';

/** A form is a few kB of text; anything much larger is not our page. */
const MAX_BODY_BYTES = 64 * 1024;

const forForm = ({ code, name, description }: Category) => ({ code, name, description });

/**
 * The LIFF complaint form, mounted at /api/orgs/:org/complaints, every route behind a verified LIFF ID
 * token: GET /categories (both tracks) and POST / (file a complaint). Evidence uploads are in
 * ./complaint-evidence.ts. The reporter is `c.var.liffUser`, never anything in the body.
 */
export const complaintForm = new Hono<AppEnv>()
  .use(requireLiffUser)
  .route('/evidence', complaintEvidence)
  .get('/categories', async (c) => {
    const { db } = c.var;
    const orgId = c.var.org.id;
    const [corruption, grievance, units, retention] = await Promise.all([
      listCategories(db, orgId, 'corruption'),
      listCategories(db, orgId, 'grievance'),
      listOrgUnits(db, orgId),
      retentionPeriods(db, orgId),
    ]);
    c.header('cache-control', 'private, no-store');
    return c.json<FormCategories>({
      corruption: corruption.map(forForm),
      grievance: grievance.map(forForm),
      units,
      retention,
    });
  })
  .post(
    '/',
    limitBody(MAX_BODY_BYTES, 'ข้อมูลที่ส่งมายาวเกินไป'),
    // The same contract submitComplaint applies (it checks again): the form's draft is only looked up
    // or made for a submission that can be filed.
    validate('json', complaintSubmission, { message: 'ข้อมูลเรื่องร้องเรียนไม่ครบถ้วน' }),
    async (c) => {
      const body = c.req.valid('json');
      const { db, org, liffUser, now } = c.var;
      const keyring = await c.var.keyring();
      const personKeys = await formDraftKeys(keyring, org.id, liffUser.userId, body.submissionKey);
      const draft = await openFormDraft(db, { orgId: org.id, personKeys, now });
      const result = await submitComplaint(db, keyring, {
        orgId: org.id,
        lineUserId: liffUser.userId,
        channel: 'liff',
        submission: body,
        draftId: draft.state === 'active' ? draft.id : undefined,
        now,
      });

      let pin = result.pin;
      if (result.duplicate) {
        // Filed before: by this person's form only if its draft was closed with it (same batch).
        const filed = await findLatestDraft(db, org.id, personKeys);
        if (filed?.state !== 'submitted') {
          throw new AppError('conflict', 'รหัสการส่งเรื่องนี้ถูกใช้แล้ว กรุณาเปิดแบบฟอร์มใหม่');
        }
        pin = await pendingPin(keyring, filed);
      }
      const receipt: ComplaintReceipt = {
        duplicate: result.duplicate,
        code: result.code,
        track: result.track,
        categoryName: result.categoryName,
        createdAt: result.createdAt,
        acknowledgeDueOn: result.acknowledgeDueOn,
        resultDueOn: result.resultDueOn,
        reachInLine: result.reachInLine,
        evidenceCount: await countComplaintAttachments(db, result.complaintId),
        ...(pin ? { pin } : {}),
      };
      // Staff hear of it now, as with a chat filing; the outbox row written with the complaint lets the
      // cron deliver it if this isolate dies first.
      if (!result.duplicate) c.executionCtx.waitUntil(notifyNewCase(c.env, org.id, result.complaintId));
      c.header('cache-control', 'no-store');
      return c.json(receipt, result.duplicate ? 200 : 201);
    },
  );
