import { roleNames } from '../../../schema/contracts/staff';
import type { StaffMe } from '../../../schema/contracts/staff-members-api';
import { h, replace } from '../dom';
import type { StaffApi } from './staff-api';

/** What every staff page needs. */
export interface StaffPage {
  root: HTMLElement;
  slug: string;
  orgName: string;
  api: StaffApi;
  me: StaffMe;
}

const seg = encodeURIComponent;

/** Paths of the staff pages. */
export const staffPaths = {
  cases: (org: string, query = '') => `/o/${seg(org)}/staff/cases${query}`,
  case: (org: string, id: number) => `/o/${seg(org)}/staff/cases/${id}`,
  admin: (org: string) => `/o/${seg(org)}/staff/admin`,
  planAdmin: (org: string) => `/o/${seg(org)}/staff/admin/plan`,
  report: (org: string, period?: string) => `/o/${seg(org)}/staff/report${period ? `?period=${period}` : ''}`,
};

/** The staff frame: who is signed in, the staff menu, then the content. */
export function staffFrame(p: StaffPage, title: string, ...content: (Node | null | false)[]): void {
  document.title = `${title} | เจ้าหน้าที่`;
  const nav = h(
    'nav',
    { class: 'staff-nav', 'aria-label': 'เมนูเจ้าหน้าที่' },
    h('a', { href: staffPaths.cases(p.slug) }, 'เรื่องทั้งหมด'),
    h('a', { href: staffPaths.cases(p.slug, '?mine=1') }, 'งานของฉัน'),
    h('a', { href: staffPaths.report(p.slug) }, 'รายงาน'),
    p.me.staff.roles.includes('admin') ? h('a', { href: staffPaths.admin(p.slug) }, 'จัดการ') : null,
  );
  const who = h(
    'p',
    { class: 'muted staff-who' },
    `${p.me.staff.displayName} · ${p.me.staff.roles.map((r) => roleNames[r]).join(', ')} · ${p.orgName}`,
  );
  replace(p.root, nav, who, ...content.filter((n): n is Node => !!n));
}

/** A message line (success or error) that a form updates. */
export function messageLine(): HTMLParagraphElement {
  return h('p', { class: 'form-message', role: 'status', 'aria-live': 'polite' });
}
