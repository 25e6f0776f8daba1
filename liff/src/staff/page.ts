import { ApiError } from '../api';
import { loadOrg } from '../org-detail';
import { liffIdToken } from '../liff-auth';
import { renderAdmin } from './admin';
import { renderCaseDetail } from './case-detail';
import { renderCaseList } from './case-list';
import { renderReport } from './report';
import { type StaffPage, staffPaths } from './staff-page';
import { staffApi } from './staff-api';
import { notice } from '../layout';
import './staff.css';

/**
 * "/o/<org>/staff/…": the staff pages. Logs in through LIFF, asks the server who this is (it checks the
 * verified token against the organisation's active staff on every request), then shows the case list,
 * one case, or the admin page.
 */
export async function renderStaff(
  root: HTMLElement,
  slug: string,
  rest: string[],
  search: string,
): Promise<void> {
  const { org, liffId } = await loadOrg(slug);
  let token: string | null;
  try {
    token = await liffIdToken(liffId);
  } catch {
    return notice(root, 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ', 'กรุณาเปิดหน้านี้จากแอป LINE อีกครั้ง');
  }
  const api = staffApi(slug, token);
  let me: Awaited<ReturnType<typeof api.me>>;
  try {
    me = await api.me();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return notice(root, 'สำหรับเจ้าหน้าที่เท่านั้น', error.message);
    }
    throw error;
  }
  const ctx: StaffPage = { root, slug, orgName: org.name, api, me };
  const [section, id, ...more] = rest;
  if (more.length > 0) throw new ApiError(404);
  if (section === undefined || (section === 'cases' && id === undefined)) return renderCaseList(ctx, search);
  if (section === 'cases' && id && /^[1-9]\d{0,11}$/.test(id)) return renderCaseDetail(ctx, Number(id));
  if (section === 'report' && id === undefined) return renderReport(ctx, search);
  if (section === 'admin' && id === undefined && me.staff.roles.includes('admin')) return renderAdmin(ctx);
  if (section === 'admin' && id === 'plan' && me.staff.roles.includes('admin')) {
    // The plan reader and parser are loaded only here (their own chunk; PDF support only for a PDF).
    const { renderPlanAdmin } = await import('./admin-plan');
    return renderPlanAdmin(ctx);
  }
  throw new ApiError(404);
}

export { staffPaths };
