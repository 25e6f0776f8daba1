import { documentProjects } from '../../lib/plan-preview';
import { z } from 'zod';
import { type PlanDocument, planDocument } from './plan-document';

/**
 * The admin's plan upload (worker/http/routes/staff-plans.ts; liff/src/staff/admin-plan*.ts). The
 * document is read and parsed in the admin's browser; the Worker validates the result with the same
 * contract the importer writes, plus the checks below, and publishes it atomically.
 */

/** Largest upload body the Worker accepts (the seed plans are 90–140 kB of JSON; details can be longer). */
export const PLAN_UPLOAD_MAX_BYTES = 3 * 1024 * 1024;

const MAX_PROJECTS = 1000;
const MAX_YEARS = 10;

/** Whole-document checks zod's shape cannot express: what the public pages and the loader rely on. */
export function planDocumentProblems(doc: PlanDocument): string[] {
  const problems: string[] = [];
  const years = doc.fiscalYears;
  if (years.length === 0) problems.push('ไม่พบปีงบประมาณของแผน');
  if (years.length > MAX_YEARS) problems.push(`แผนมีปีงบประมาณเกิน ${MAX_YEARS} ปี`);
  if (years.some((y) => y < 2540 || y > 2700)) problems.push('ปีงบประมาณต้องเป็นปีพุทธศักราช');
  if (new Set(years).size !== years.length) problems.push('ปีงบประมาณซ้ำกัน');
  const projects = documentProjects(doc);
  if (projects.length === 0) problems.push('ไม่พบโครงการหรือกิจกรรมในแผน');
  if (projects.length > MAX_PROJECTS) problems.push(`แผนมีรายการเกิน ${MAX_PROJECTS} รายการ`);
  if (projects.some((p, i) => p.sequence !== i + 1)) problems.push('ลำดับรายการต้องเรียง 1 ถึง N');
  const known = new Set(years.map(String));
  if (projects.some((p) => Object.keys(p.budget).some((y) => !known.has(y))))
    problems.push('มีงบประมาณในปีที่ไม่อยู่ในช่วงของแผน');
  return problems;
}

/** POST /api/orgs/:org/staff/plans: the parsed document and the name of the file it came from. */
export const planUploadBody = z.object({
  document: planDocument.superRefine((doc, ctx) => {
    for (const message of planDocumentProblems(doc)) ctx.addIssue({ code: 'custom', message });
  }),
  source: z.string().trim().min(1).max(200),
});
export type PlanUploadBody = z.infer<typeof planUploadBody>;

/** One version of a plan as the admin page lists it. */
export interface PlanVersion {
  key: string;
  /** Ties a version to its publications (PlanPublication.loadId). */
  loadId: string;
  status: 'active' | 'replaced';
  title: string | null;
  firstYear: number;
  lastYear: number;
  projects: number;
  source: string | null;
  loadedAt: number;
}

/** One publication or restoration, newest first; `by` is null for the operator command. */
export interface PlanPublication {
  key: string;
  loadId: string;
  action: 'publish' | 'restore';
  by: string | null;
  source: string | null;
  firstYear: number;
  lastYear: number;
  projects: number;
  budgetTotal: number;
  discrepancies: number;
  at: number;
}

/** GET /api/orgs/:org/staff/plans */
export interface PlanAdminView {
  versions: PlanVersion[];
  history: PlanPublication[];
  /** The fiscal year (BE) it is now, so the page can say when no active plan covers it. */
  currentFiscalYear: number;
}
