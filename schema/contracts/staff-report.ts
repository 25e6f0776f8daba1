import type { ComplaintStatus, ComplaintTrack } from './complaint-rules';
import type { CaseOutcome } from './staff';

/**
 * The summary report of complaint handling (executives, admins; every staff member may read it: it is
 * counts only, never a case's content or a person). Shared by the worker and the staff LIFF.
 */

export const reportPeriods = ['month', 'last_month', 'fiscal_year'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export const reportPeriodNames: Record<ReportPeriod, string> = {
  month: 'เดือนนี้',
  last_month: 'เดือนที่แล้ว',
  fiscal_year: 'ปีงบประมาณนี้',
};

export interface CaseReport {
  period: { kind: ReportPeriod; from: string; to: string };
  /** Filed in the period, per track. */
  received: Record<ComplaintTrack, number>;
  /** Closed in the period (latest closing of each case), how they ended and how many within the promised date. */
  closed: { total: number; onTime: number; byOutcome: Record<CaseOutcome, number> };
  /** Open now, whenever filed. */
  open: {
    total: number;
    corruption: number;
    byStatus: Partial<Record<ComplaintStatus, number>>;
    /** Past the promised result date. */
    overdue: number;
    /** Still not accepted after the acknowledgement date. */
    unacknowledged: number;
  };
  /** Filed in the period, per category, most first. */
  byCategory: { name: string; track: ComplaintTrack; count: number }[];
  /** Open now, per unit ("ยังไม่ระบุหน่วยงาน" for none). */
  byUnit: { name: string; open: number; overdue: number }[];
  /**
   * Complainants' ratings given in the period (1–5, asked with the result): how many, how many 4 or 5;
   * and how many said a case closed as resolved was not fixed (it reopened).
   */
  satisfaction: { rated: number; satisfied: number; notFixed: number };
  generatedAt: number;
}

/** Share of cases closed within the promised date, as a whole percent; null when none closed. */
export function onTimeRate(report: Pick<CaseReport, 'closed'>): number | null {
  return report.closed.total === 0 ? null : Math.round((report.closed.onTime / report.closed.total) * 100);
}

/** The plans' target: at least 80% of complainants satisfied (rated 4 or 5). */
export const SATISFACTION_TARGET = 80;

/** Share of ratings of 4 or 5, as a whole percent; null when nobody rated. */
export function satisfactionRate(report: Pick<CaseReport, 'satisfaction'>): number | null {
  const { rated, satisfied } = report.satisfaction;
  return rated === 0 ? null : Math.round((satisfied / rated) * 100);
}

/** GET /staff/report/tip-patterns (integrity officers): where two or more tips of a year point. */
export interface TipPatterns {
  /** The first day counted (Bangkok, "YYYY-MM-DD"). */
  since: string;
  items: { kind: TipPatternKind; name: string; count: number }[];
}

/** What tips may share: the unit whose staff are named, the category, the role involved, the plan project. */
export const tipPatternKinds = ['unit', 'category', 'role', 'project'] as const;
export type TipPatternKind = (typeof tipPatternKinds)[number];

/** The staff LIFF's heading of each kind. */
export const tipPatternKindNames: Record<TipPatternKind, string> = {
  unit: 'หน่วยงาน',
  category: 'ประเภท',
  role: 'ผู้เกี่ยวข้อง',
  project: 'โครงการตามแผน',
};
