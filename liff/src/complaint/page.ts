import type { ComplaintTrack } from '../../../schema/contracts/complaint-rules';
import { loadOrg } from '../org-detail';
import { notice } from '../layout';
import { LiffUnavailable, liffIdToken } from '../liff-auth';
import { paths } from '../routes';
import { showForm } from './form';
import { ApiError } from '../api';
import { formApi } from './form-api';
import './form.css';

/** `?track=corruption` or `?track=general` (also `grievance`); the corruption track otherwise. */
export function trackFrom(search: string): ComplaintTrack {
  const track = new URLSearchParams(search).get('track');
  return track === 'general' || track === 'grievance' ? 'grievance' : 'corruption';
}

const LOGIN_FAILED = 'ยืนยันตัวตนผ่าน LINE ไม่สำเร็จ';

/**
 * "/o/<org>/complaint": logs in through LIFF (the organisation's LIFF id comes from the public org
 * API), checks the login with the server by loading the categories, then shows the form.
 */
export async function renderComplaint(root: HTMLElement, slug: string, search: string): Promise<void> {
  const { org, liffId } = await loadOrg(slug);
  const back = { label: 'กลับหน้าหน่วยงาน', href: paths.org(slug) };
  const refused = (message: string) => notice(root, LOGIN_FAILED, message, back);
  let token: string | null;
  try {
    token = await liffIdToken(liffId);
  } catch (error) {
    if (error instanceof LiffUnavailable && !liffId) {
      return notice(root, 'ยังไม่เปิดรับเรื่องผ่านแบบฟอร์ม', 'กรุณาแจ้งเรื่องผ่านแชต LINE ของหน่วยงาน', back);
    }
    return refused('เปิดระบบ LINE ไม่สำเร็จ กรุณาเปิดหน้านี้จากแอป LINE อีกครั้ง');
  }
  const api = formApi(slug, token);
  try {
    const categories = await api.categories();
    showForm(root, {
      slug,
      orgName: org.name,
      api,
      categories,
      track: trackFrom(search),
      onUnauthorized: refused,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return refused(error.message);
    throw error;
  }
}
