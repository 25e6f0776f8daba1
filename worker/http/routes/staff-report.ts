import { Hono } from 'hono';
import { z } from 'zod';
import { type CaseReport, reportPeriods, type TipPatterns } from '../../../schema/contracts/staff-report';
import { tipPatterns } from '../../cases/tip-patterns';
import { requireLiffUser } from '../middleware/liff-user';
import { caseReport } from '../../notices/report-data';
import { validate } from '../middleware/validate';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

const reportQuery = z.object({ period: z.enum(reportPeriods).default('month') });

/**
 * The summary report, mounted at /api/orgs/:org/staff/report?period=month|last_month|fiscal_year. Any
 * active staff member: it is counts only (no case content, no person), the same figures executives
 * receive monthly in chat.
 */
export const staffReport = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/', validate('query', reportQuery), async (c) => {
    const { period } = c.req.valid('query');
    return c.json<CaseReport>(await caseReport(c.var.db, c.var.org.id, period, c.var.now));
  })
  // Counts only (no case, no person): integrity officers see where several tips point.
  .get('/tip-patterns', requireRole('integrity'), async (c) =>
    c.json<TipPatterns>(await tipPatterns(c.var.db, c.var.org.id, c.var.now)),
  );
