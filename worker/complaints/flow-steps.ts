import type { ComplaintTrack, IdentityMode, InvolvedRole } from '../../schema/contracts/complaint';

/**
 * The steps of the guided complaint conversation (pure): which steps a draft goes through (they depend
 * on its track and identity choice), when a step counts as answered, and the timeouts. What inputs do
 * at each step is in flow.ts.
 */
export const steps = [
  'offer',
  'track',
  'category',
  'description',
  'place',
  'when',
  'evidence',
  'involved',
  'identity',
  'name',
  'phone',
  'consent',
  'summary',
  'edit',
] as const;
export type Step = (typeof steps)[number];

/** After this much silence the next message first asks whether to continue. */
export const IDLE_MS = 30 * 60 * 1000;
/** A draft untouched this long is deleted for good (stated in the privacy notice). */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface PlaceAnswer {
  text?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

/** The answers of a draft. `null` means "skipped"; undefined means "not answered yet". */
export interface DraftData {
  track?: ComplaintTrack;
  categoryCode?: string;
  description?: string;
  place?: PlaceAnswer | null;
  occurred?: { date?: string; text?: string } | null;
  evidenceDone?: boolean;
  involved?: string | null;
  /** Who is involved, by role (a chip of the involved step); with `unit_staff`, the unit (null: not known). */
  involvedRole?: InvolvedRole;
  involvedUnitId?: number | null;
  identity?: IdentityMode;
  /** Anonymous and not to be reached in LINE at all (followed by code + PIN only). */
  silent?: boolean;
  nameGiven?: boolean;
  phoneGiven?: boolean | null;
  consented?: boolean;
  /** Editing one field from the summary: after it, go back to the summary. */
  editing?: boolean;
  /** What a first message outside the flow suggested (the offer step): confirmed, never applied alone. */
  suggested?: { track?: ComplaintTrack; categoryCode?: string };
  /** A retaliation report from the check-in: the earlier case's tracking code (worker/cases/checkin.ts). */
  relatedCode?: string;
}

/**
 * The steps this draft goes through, in order (they depend on its track and identity choice). The
 * optional ones (when it happened; a call-back phone on a grievance) are not in the way: the summary
 * offers them, and the summary's confirm is the consent (it shows the privacy notice).
 */
export function stepsFor(data: DraftData): Step[] {
  const out: Step[] = ['track', 'category', 'description', 'place', 'evidence'];
  if (data.track === 'corruption') {
    out.push('involved', 'identity');
    if (data.identity === 'confidential') out.push('name', 'phone');
  }
  out.push('summary');
  return out;
}

/** Whether a step has its answer (given or skipped). */
export function isAnswered(step: Step, data: DraftData): boolean {
  switch (step) {
    case 'track':
      return data.track !== undefined;
    case 'category':
      return data.categoryCode !== undefined;
    case 'description':
      return data.description !== undefined;
    case 'place':
      return data.place !== undefined;
    case 'when':
      return data.occurred !== undefined;
    case 'evidence':
      return data.evidenceDone === true;
    case 'involved':
      return data.involved !== undefined;
    case 'identity':
      return data.identity !== undefined;
    case 'name':
      return data.nameGiven === true;
    case 'phone':
      return data.identity === 'confidential' ? data.phoneGiven === true : data.phoneGiven !== undefined;
    case 'consent':
      return data.consented === true;
    default:
      return false;
  }
}

/** The first step still without an answer (what a submission would be missing), or null. */
export function firstMissing(data: DraftData): Step | null {
  return stepsFor(data).find((s) => s !== 'summary' && !isAnswered(s, data)) ?? null;
}

/**
 * Step number and total for "ขั้นที่ n/N" (the summary and edit menu are not counted); null for a
 * step off the way (an optional one opened from the summary).
 */
export function progress(data: DraftData, step: Step): { n: number; total: number } | null {
  const sequence: Step[] = stepsFor(data).filter((s) => s !== 'summary');
  const at = sequence.indexOf(step);
  return at < 0 ? null : { n: at + 1, total: sequence.length };
}

/** Fields the summary's edit menu offers for this draft: the way's steps, then the optional ones. */
export function editableSteps(data: DraftData): Step[] {
  const way = stepsFor(data).filter((s) => s !== 'track' && s !== 'summary');
  const at = way.indexOf('evidence');
  const optional: Step[] = data.track === 'corruption' ? [] : ['phone'];
  return [...way.slice(0, at), 'when', ...way.slice(at), ...optional];
}
