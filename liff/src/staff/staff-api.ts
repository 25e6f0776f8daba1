import type { DayOffCreateBody } from '../../../schema/contracts/days-off-api';
import type { CaseActionBody, PlanProjectBody } from '../../../schema/contracts/staff-api';
import type { NotifyPolicy, ReminderPolicy, StaffRole } from '../../../schema/contracts/staff';
import type {
  CategoryCreateBody,
  CategoryUpdateBody,
  UnitCreateBody,
  UnitUpdateBody,
} from '../../../schema/contracts/staff-admin-api';
import type { PlanUploadBody } from '../../../schema/contracts/plan-upload';
import type { ReportPeriod } from '../../../schema/contracts/staff-report';
import { apiClient, read, readFile } from '../api';

export interface Unit {
  id: number;
  code: string;
  name: string;
  handlesIntegrity: boolean;
}

/**
 * The staff API of one organisation, every call with the LIFF ID token. Answers are typed by the routes
 * (hc<AppType>, types only: the page does not ship zod for them).
 */
export function staffApi(org: string, idToken: string | null) {
  const staff = apiClient(idToken).api.orgs[':org'].staff;
  const param = { org: encodeURIComponent(org) };
  const { cases, members, settings, units, categories } = staff;

  return {
    me: () => read(members.me.$get({ param })),
    /** `query`: the list's filters as in the page's URL (worker/http/routes/staff-cases.ts checks them). */
    cases: (query: Record<string, string>) => read(cases.$get({ param, query })),
    case: (id: number) => read(cases[':caseId'].$get({ param: { ...param, caseId: String(id) } })),
    act: (id: number, body: CaseActionBody) =>
      read(cases[':caseId'].actions.$post({ param: { ...param, caseId: String(id) }, json: body })),
    members: () => read(members.$get({ param })),
    // Admins: the organisation's plans (worker/http/routes/staff-plans.ts).
    plans: () => read(staff.plans.$get({ param })),
    publishPlan: (body: PlanUploadBody) => read(staff.plans.$post({ param, json: body })),
    restorePlan: (key: string) => read(staff.plans[':key'].restore.$post({ param: { ...param, key } })),
    invite: (role: StaffRole, unitId?: number) =>
      read(members.invites.$post({ param, json: { role, unitId } })),
    remove: (id: number) =>
      read(members[':staffId'].$delete({ param: { ...param, staffId: String(id) } })) as Promise<void>,
    units: (): Promise<{ items: Unit[] }> => read(settings.units.$get({ param })),
    settings: () => read(settings.$get({ param })),
    messageUsage: () => read(settings['message-usage'].$get({ param })),
    setPolicy: (policy: NotifyPolicy) => read(settings.$put({ param, json: { policy } })),
    setReminderPolicy: (reminderPolicy: ReminderPolicy) =>
      read(settings.$put({ param, json: { reminderPolicy } })),
    // Admin setup (schema/contracts/staff-admin-api.ts): units, categories, officers' units, digest times.
    createUnit: (body: UnitCreateBody) => read(units.$post({ param, json: body })),
    updateUnit: (id: number, body: UnitUpdateBody) =>
      read(units[':unitId'].$patch({ param: { ...param, unitId: String(id) }, json: body })),
    categories: () => read(categories.$get({ param })),
    createCategory: (body: CategoryCreateBody) => read(categories.$post({ param, json: body })),
    updateCategory: (id: number, body: CategoryUpdateBody) =>
      read(categories[':categoryId'].$patch({ param: { ...param, categoryId: String(id) }, json: body })),
    moveCategory: (id: number, direction: 'up' | 'down') =>
      read(
        categories[':categoryId'].move.$post({
          param: { ...param, categoryId: String(id) },
          json: { direction },
        }),
      ),
    setOfficerUnits: (id: number, unitIds: number[]) =>
      read(members[':staffId'].units.$put({ param: { ...param, staffId: String(id) }, json: { unitIds } })),
    daysOff: () => read(staff['days-off'].$get({ param })),
    addDayOff: (body: DayOffCreateBody) => read(staff['days-off'].$post({ param, json: body })),
    removeDayOff: (id: number) =>
      read(staff['days-off'][':dayId'].$delete({ param: { ...param, dayId: String(id) } })) as Promise<void>,
    setDigestTimes: (times: string[]) => read(settings['digest-times'].$put({ param, json: { times } })),
    report: (period: ReportPeriod) => read(staff.report.$get({ param, query: { period } })),
    audit: () => read(settings.audit.$get({ param, query: {} })),
    /** Admins: the audit chain as CSV; the server records the export. Never cached. */
    auditChain: () => readFile(staff['audit-chain'].$get({ param }, { init: { cache: 'no-store' } })),
    /** Integrity officers: a declared conflict of interest on a case (they lose access at once). */
    recuse: (id: number, reason: string) =>
      read(cases[':caseId'].recusal.$post({ param: { ...param, caseId: String(id) }, json: { reason } })),
    /** Integrity officers: the plan project a corruption case concerns (null clears it); the case again. */
    setPlanProject: (id: number, project: PlanProjectBody['project']) =>
      read(
        cases[':caseId']['plan-project'].$put({ param: { ...param, caseId: String(id) }, json: { project } }),
      ),
    /** Integrity officers: where two or more tips of a year point (counts only). */
    tipPatterns: () => read(staff.report['tip-patterns'].$get({ param })),
    /** Handlers of a grievance: the complainant's call-back phone, audited; never cached. */
    callbackPhone: (id: number) =>
      read(
        cases[':caseId']['callback-phone'].$post(
          { param: { ...param, caseId: String(id) } },
          { init: { cache: 'no-store' } },
        ),
      ),
    /** Integrity officers: a confidential reporter's contact, audited with the reason; never cached. */
    reporterContact: (id: number, reason: string) =>
      read(
        cases[':caseId']['reporter-contact'].$post(
          { param: { ...param, caseId: String(id) }, json: { reason } },
          { init: { cache: 'no-store' } },
        ),
      ),
  };
}

export type StaffApi = ReturnType<typeof staffApi>;
