import type { Discrepancy } from '../../schema/contracts/plan-document';
import type { DetailAmount } from './numbers';
import type { DraftProject, Segment } from './table-structure';

// The budget attribution's types, apart so that budgets.ts and budget-groups.ts need not import each other.

export interface Attribution {
  /** Per plan year (model order). */
  budget: number[];
  source: 'summary' | 'detail' | 'none';
  unit: string | null;
}

export interface Orphan {
  dimension: number;
  missionCode: string;
  line: number;
  slot: number[];
  unit: string | null;
}

export interface AttributionResult {
  byOrder: Map<number, Attribution>;
  orphans: Orphan[];
  notes: string[];
  discrepancies: Discrepancy[];
}

/** What the budget attribution needs from the rest of the plan. */
export interface AttributionInput {
  years: number[];
  segments: Segment[];
  /** The detail section's stated amount per project order; missing when no detail section matched. */
  detailAmounts: Map<number, DetailAmount>;
  /** How a project is referred to in messages ("9", "3.3(2)"). */
  refOf: (p: DraftProject) => string;
}
