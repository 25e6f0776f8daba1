import { Hono } from 'hono';
import { bangkokDate } from '../../../lib/thai-date';
import { chainCsv } from '../../audit/chain-csv';
import { exportRows, recordExport } from '../../audit/chain-export';
import { requireLiffUser } from '../middleware/liff-user';
import { requireRole, requireStaff, type StaffEnv } from '../middleware/staff-auth';

/**
 * The audit chain's export, mounted at /api/orgs/:org/staff/audit-chain: admins only, this
 * organisation's chain only, never cached. The export is itself written to the access log before the
 * file is answered (and sealed by the next cron run). The last row's seq and hash are also answered in
 * `x-chain-head`, to keep as an anchor for `tools/audit-verify.ts --anchor`.
 */
export const staffAudit = new Hono<StaffEnv>()
  .use(requireLiffUser)
  .use(requireStaff)
  .get('/', requireRole('admin'), async (c) => {
    const { db, org, staff, now } = c.var;
    const rows = await exportRows(db, org.id);
    await recordExport(db, { orgId: org.id, staffId: staff.id, rows: rows.length, now });
    const head = rows.at(-1);
    return c.body(chainCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-chain-${org.slug}-${bangkokDate(now)}.csv"`,
      'cache-control': 'no-store',
      'x-chain-head': head ? `${head.seq}:${head.hash}` : '0:',
    });
  });
