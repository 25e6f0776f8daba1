import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '../../schema/contracts/error';
import type { AppEnv } from './app-env';
import { limitBody } from './middleware/body-limit';
import { requestContext } from './middleware/request-context';
import { AppError } from '../errors';
import { afterPhotos } from './routes/after-photos';
import { complaintForm } from './routes/complaint-form';
import { health } from './routes/health';
import { plans } from './routes/plans';
import { publicOrgs } from './routes/public-orgs';
import { staffAudit } from './routes/staff-audit';
import { staffCases } from './routes/staff-cases';
import { staffCategories } from './routes/staff-categories';
import { staffFiles } from './routes/staff-files';
import { staffIdentity } from './routes/staff-identity';
import { staffRecusal } from './routes/staff-recusal';
import { staffPlanProject } from './routes/staff-plan-project';
import { staffMembers } from './routes/staff-members';
import { staffPlans } from './routes/staff-plans';
import { staffReport } from './routes/staff-report';
import { staffSettings } from './routes/staff-settings';
import { staffUnits } from './routes/staff-units';
import { staffDaysOff } from './routes/staff-days-off';
import { staffCallback } from './routes/staff-callback';
import { devLiff } from './routes/dev-liff';
import { track } from './routes/track';
import { webhook } from './routes/webhook';

const STAFF_MAX_BODY_BYTES = 64 * 1024;
const staffBodyLimit = limitBody(STAFF_MAX_BODY_BYTES, 'ข้อมูลที่ส่งมายาวเกินไป');
const CASE_ACTIONS = /^\/api\/orgs\/[^/]+\/staff\/cases\/[^/]+\/actions$/;
const PLAN_UPLOAD = /^\/api\/orgs\/[^/]+\/staff\/plans\/?$/;

/** The Worker's HTTP app: one router per resource, one error handler, one error body shape. */
export const app = new Hono<AppEnv>()
  .use(requestContext)
  .route('/healthz', health)
  .route('/api/dev', devLiff)
  .route('/webhook', webhook)
  .route('/api/orgs', publicOrgs)
  .route('/api/orgs/:org/plans', plans)
  .route('/api/orgs/:org/complaints', complaintForm)
  .route('/api/orgs/:org/track', track)
  .route('/api/orgs/:org/after-photos', afterPhotos)
  // Staff bodies are a few fields of text; anything much larger is not our page.
  // (A case action may carry the close form's after photo, a plan upload the whole plan: their routes
  // set their own limits.)
  .use('/api/orgs/:org/staff/*', (c, next) =>
    CASE_ACTIONS.test(c.req.path) || PLAN_UPLOAD.test(c.req.path) ? next() : staffBodyLimit(c, next),
  )
  .route('/api/orgs/:org/staff/cases', staffCases)
  .route('/api/orgs/:org/staff/cases/:caseId/reporter-contact', staffIdentity)
  .route('/api/orgs/:org/staff/cases/:caseId/recusal', staffRecusal)
  .route('/api/orgs/:org/staff/cases/:caseId/callback-phone', staffCallback)
  .route('/api/orgs/:org/staff/cases/:caseId/plan-project', staffPlanProject)
  .route('/api/orgs/:org/staff/files', staffFiles)
  .route('/api/orgs/:org/staff/members', staffMembers)
  .route('/api/orgs/:org/staff/settings', staffSettings)
  .route('/api/orgs/:org/staff/units', staffUnits)
  .route('/api/orgs/:org/staff/days-off', staffDaysOff)
  .route('/api/orgs/:org/staff/categories', staffCategories)
  .route('/api/orgs/:org/staff/report', staffReport)
  .route('/api/orgs/:org/staff/plans', staffPlans)
  .route('/api/orgs/:org/staff/audit-chain', staffAudit)
  .notFound((c) => c.json<ErrorBody>({ error: { code: 'not_found', message: 'no such route' } }, 404))
  .onError((error, c) => {
    // hono/validator's own refusal: a JSON body that does not parse (worker/http/middleware/validate.ts).
    if (error instanceof HTTPException && error.status === 400) {
      error = new AppError('invalid_json', 'ข้อมูลที่ส่งมาไม่ถูกต้อง');
    }
    if (error instanceof AppError) {
      if (error.status >= 500) console.error(error);
      return c.json(error.toBody(), error.status);
    }
    console.error('unhandled error', error);
    return c.json<ErrorBody>({ error: { code: 'internal', message: 'internal error' } }, 500);
  });

export type AppType = typeof app;
