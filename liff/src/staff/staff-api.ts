import type {
  AuditEntry,
  CaseActionBody,
  CaseDetail,
  CasePage,
  InviteIssued,
  StaffMe,
  StaffMemberView,
  StaffSettingsView,
} from '../../../schema/contracts/staff-api';
import type { MessageUsage } from '../../../schema/contracts/message-usage';
import type { NotifyPolicy, ReminderPolicy, StaffRole } from '../../../schema/contracts/staff';
import type {
  AdminCategory,
  CategoryCreateBody,
  CategoryUpdateBody,
  UnitCreateBody,
  UnitUpdateBody,
  UnitView,
} from '../../../schema/contracts/staff-admin-api';
import type { CaseReport, ReportPeriod } from '../../../schema/contracts/staff-report';
import type { ReporterContact } from '../../../schema/contracts/staff-identity';

/** An error answer of the staff API: status, code and the server's Thai message. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE = 'เชื่อมต่อระบบไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง';

export interface Unit {
  id: number;
  code: string;
  name: string;
  handlesIntegrity: boolean;
}

/**
 * The staff API of one organisation, every call with the LIFF ID token. Answers are typed by the shared
 * contract (schema/contracts/staff-api.ts, types only: the page does not ship zod).
 */
export function staffApi(org: string, idToken: string | null) {
  const base = `/api/orgs/${encodeURIComponent(org)}/staff`;
  const auth: Record<string, string> = idToken ? { authorization: `Bearer ${idToken}` } : {};

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
    } catch {
      throw new StaffApiError(0, 'network', OFFLINE);
    }
    if (response.status === 204) return undefined as T;
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    if (!response.ok) {
      const message = body?.error?.message;
      const thai = typeof message === 'string' && /[\u0E00-\u0E7F]/.test(message) ? message : OFFLINE;
      throw new StaffApiError(response.status, body?.error?.code ?? 'unknown', thai);
    }
    return body as T;
  }
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

  return {
    me: () => call<StaffMe>('/members/me'),
    cases: (query: string) => call<CasePage>(`/cases${query}`),
    case: (id: number) => call<CaseDetail>(`/cases/${id}`),
    act: (id: number, body: CaseActionBody) =>
      call<CaseDetail & { delivered: boolean | null; notified: string | null }>(
        `/cases/${id}/actions`,
        json('POST', body),
      ),
    members: () => call<{ items: StaffMemberView[] }>('/members'),
    invite: (role: StaffRole, unitId?: number) =>
      call<InviteIssued>('/members/invites', json('POST', { role, unitId })),
    remove: (id: number) => call<void>(`/members/${id}`, { method: 'DELETE' }),
    units: () => call<{ items: Unit[] }>('/settings/units'),
    settings: () => call<StaffSettingsView>('/settings'),
    messageUsage: () => call<MessageUsage>('/settings/message-usage'),
    setPolicy: (policy: NotifyPolicy) => call<StaffSettingsView>('/settings', json('PUT', { policy })),
    setReminderPolicy: (reminderPolicy: ReminderPolicy) =>
      call<StaffSettingsView>('/settings', json('PUT', { reminderPolicy })),
    // Admin setup (schema/contracts/staff-admin-api.ts): units, categories, officers' units, digest times.
    createUnit: (body: UnitCreateBody) => call<UnitView>('/units', json('POST', body)),
    updateUnit: (id: number, body: UnitUpdateBody) => call<UnitView>(`/units/${id}`, json('PATCH', body)),
    categories: () => call<{ items: AdminCategory[] }>('/categories'),
    createCategory: (body: CategoryCreateBody) => call<AdminCategory>('/categories', json('POST', body)),
    updateCategory: (id: number, body: CategoryUpdateBody) =>
      call<AdminCategory>(`/categories/${id}`, json('PATCH', body)),
    moveCategory: (id: number, direction: 'up' | 'down') =>
      call<{ items: AdminCategory[] }>(`/categories/${id}/move`, json('POST', { direction })),
    setOfficerUnits: (id: number, unitIds: number[]) =>
      call<StaffMemberView>(`/members/${id}/units`, json('PUT', { unitIds })),
    setDigestTimes: (times: string[]) =>
      call<StaffSettingsView>('/settings/digest-times', json('PUT', { times })),
    report: (period: ReportPeriod) => call<CaseReport>(`/report?period=${period}`),
    audit: () => call<{ items: AuditEntry[]; nextBefore: number | null }>('/settings/audit'),
    /** Integrity officers: a confidential reporter's contact, audited with the reason; never cached. */
    reporterContact: (id: number, reason: string) =>
      call<ReporterContact>(`/cases/${id}/reporter-contact`, {
        ...json('POST', { reason }),
        cache: 'no-store',
      }),
  };
}

export type StaffApi = ReturnType<typeof staffApi>;
