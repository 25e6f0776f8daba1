import type { ComplaintStatus, ComplaintTrack } from '../../schema/contracts/complaint';
import { type CaseOutcome, finalStatuses, type StaffRole } from '../../schema/contracts/staff';
import { escalationBarred, type Involvement, keptOut } from './involvement-policy';

/**
 * The case state machine: which action is allowed from which status, by whom, on which track, and what
 * the case looks like after it. Pure: no I/O; the caller loads the case and the people, and writes the
 * result under a version check (worker/cases/cases-data.ts).
 */

export interface CaseState {
  track: ComplaintTrack;
  status: ComplaintStatus;
  version: number;
  unitId: number | null;
  assigneeId: number | null;
  /** Who the tip is about and who recused: they are kept out of everything (involvement-policy.ts). */
  involvement: Involvement;
}

/** A staff member as the machine needs them: who, which roles, which units. */
export interface StaffActor {
  id: number;
  roles: readonly StaffRole[];
  unitIds: readonly number[];
}

export type CaseCommand =
  | { type: 'accept' }
  | { type: 'assign_unit'; unitId: number }
  | { type: 'assign_staff'; target: StaffActor }
  | { type: 'ask_info' }
  | { type: 'update' }
  | { type: 'forward' }
  | { type: 'close'; outcome: CaseOutcome }
  | { type: 'reopen' }
  /** A handler asks the executives to look at the case (stuck, sensitive, needs a decision). */
  | { type: 'escalate' }
  /** An executive's instruction to whoever handles the case. */
  | { type: 'instruct' }
  /** The complainant answered a question. */
  | { type: 'info_received' }
  /**
   * The complainant says a case closed as resolved is not fixed: it reopens to an admin (not the officer
   * who closed it), waiting for the complainant to say or show what is still wrong.
   */
  | { type: 'not_fixed'; admin: StaffActor };

export type Refusal =
  | 'stale'
  | 'no_access'
  | 'not_handler'
  | 'already_taken'
  | 'finished'
  | 'wrong_status'
  | 'bad_target'
  | 'unit_on_corruption'
  | 'not_executive'
  | 'escalation_barred';

export type Decision =
  | { ok: true; next: Pick<CaseState, 'status' | 'unitId' | 'assigneeId'> }
  | { ok: false; refusal: Refusal };

const OPEN: readonly ComplaintStatus[] = [
  'received',
  'accepted',
  'in_progress',
  'awaiting_info',
  'forwarded',
];
const WORKING: readonly ComplaintStatus[] = ['accepted', 'in_progress', 'awaiting_info', 'forwarded'];

/** The final status a closing outcome leads to. */
export const outcomeStatus: Record<CaseOutcome, ComplaintStatus> = {
  resolved: 'resolved',
  not_substantiated: 'rejected',
  outside_authority: 'rejected',
  referred: 'closed',
  duplicate: 'closed',
};

const has = (actor: StaffActor, role: StaffRole) => actor.roles.includes(role);

/**
 * Who manages a track: admins manage grievances; on the corruption track only integrity officers act
 * at all (an admin without that role is kept out on purpose: the accused may be anyone).
 */
export function isManager(track: ComplaintTrack, actor: StaffActor): boolean {
  return track === 'corruption' ? has(actor, 'integrity') : has(actor, 'admin');
}

/** May this person see the case at all (list, detail, card)? */
export function canRead(
  state: Pick<CaseState, 'track' | 'unitId' | 'assigneeId' | 'involvement'>,
  actor: StaffActor,
): boolean {
  if (keptOut(state.involvement, actor)) return false;
  if (has(actor, 'executive') || isManager(state.track, actor)) return true;
  if (state.track === 'corruption') return false;
  return has(actor, 'officer') && (state.assigneeId === actor.id || inUnit(state, actor));
}

// An officer of the case's unit; a case not routed to any unit is every officer's.
function inUnit(state: Pick<CaseState, 'unitId'>, actor: StaffActor): boolean {
  return state.unitId === null || actor.unitIds.includes(state.unitId);
}

/** May this person work on the case (everything but accept and reopen)? */
export function isHandler(state: CaseState, actor: StaffActor): boolean {
  if (keptOut(state.involvement, actor)) return false;
  if (isManager(state.track, actor)) return true;
  if (state.track === 'corruption' || !has(actor, 'officer')) return false;
  if (state.assigneeId !== null) return state.assigneeId === actor.id;
  return inUnit(state, actor);
}

function canHandleTrack(track: ComplaintTrack, target: StaffActor): boolean {
  return track === 'corruption' ? has(target, 'integrity') : has(target, 'officer') || has(target, 'admin');
}

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });

/**
 * Decides one command on a case. `expectedVersion` is the version the actor saw (a card's button, a
 * form); a different current version refuses the command before anything else ('stale'). Residents
 * pass `actor: 'resident'`.
 */
export function decide(
  state: CaseState,
  command: CaseCommand,
  actor: StaffActor | 'resident',
  expectedVersion?: number,
): Decision {
  if (expectedVersion !== undefined && expectedVersion !== state.version) return refuse('stale');
  const keep = { unitId: state.unitId, assigneeId: state.assigneeId };
  if (command.type === 'info_received') {
    if (actor !== 'resident') return refuse('no_access');
    return state.status === 'awaiting_info'
      ? { ok: true, next: { ...keep, status: 'in_progress' } }
      : refuse('wrong_status');
  }
  if (command.type === 'not_fixed') {
    if (actor !== 'resident') return refuse('no_access');
    if (state.track !== 'grievance' || state.status !== 'resolved') return refuse('wrong_status');
    if (!has(command.admin, 'admin') || keptOut(state.involvement, command.admin))
      return refuse('bad_target');
    return { ok: true, next: { ...keep, status: 'awaiting_info', assigneeId: command.admin.id } };
  }
  if (actor === 'resident' || !canRead(state, actor)) return refuse('no_access');
  const finished = finalStatuses.includes(state.status);

  switch (command.type) {
    case 'accept': {
      if (finished) return refuse('finished');
      if (state.status !== 'received' || state.assigneeId !== null) return refuse('already_taken');
      if (!isHandler(state, actor)) return refuse('not_handler');
      return { ok: true, next: { ...keep, status: 'accepted', assigneeId: actor.id } };
    }
    case 'assign_unit':
    case 'assign_staff': {
      if (finished) return refuse('finished');
      if (!isHandler(state, actor)) return refuse('not_handler');
      if (command.type === 'assign_unit') {
        if (state.track === 'corruption') return refuse('unit_on_corruption');
        // Routed to a unit: it is new again there, for that unit's officers to accept.
        return { ok: true, next: { status: 'received', unitId: command.unitId, assigneeId: null } };
      }
      if (!canHandleTrack(state.track, command.target) || keptOut(state.involvement, command.target))
        return refuse('bad_target');
      const status = state.status === 'received' ? 'accepted' : state.status;
      return { ok: true, next: { ...keep, status, assigneeId: command.target.id } };
    }
    case 'ask_info':
    case 'forward': {
      if (finished) return refuse('finished');
      if (!isHandler(state, actor)) return refuse('not_handler');
      if (!WORKING.includes(state.status)) return refuse('wrong_status');
      if (command.type === 'forward' && state.status === 'forwarded') return refuse('wrong_status');
      if (command.type === 'ask_info' && state.status === 'awaiting_info') return refuse('wrong_status');
      const status = command.type === 'ask_info' ? 'awaiting_info' : 'forwarded';
      return { ok: true, next: { ...keep, status } };
    }
    case 'update': {
      if (finished) return refuse('finished');
      if (!isHandler(state, actor)) return refuse('not_handler');
      if (!WORKING.includes(state.status)) return refuse('wrong_status');
      // Still waiting for the complainant, or for the outside body: an update does not end that wait.
      const status = state.status === 'accepted' ? 'in_progress' : state.status;
      return { ok: true, next: { ...keep, status } };
    }
    case 'close': {
      if (finished) return refuse('finished');
      if (!OPEN.includes(state.status)) return refuse('wrong_status');
      if (!isHandler(state, actor)) return refuse('not_handler');
      return { ok: true, next: { ...keep, status: outcomeStatus[command.outcome] } };
    }
    case 'escalate': {
      if (finished) return refuse('finished');
      if (!isHandler(state, actor)) return refuse('not_handler');
      if (escalationBarred(state.involvement)) return refuse('escalation_barred');
      return { ok: true, next: { ...keep, status: state.status } };
    }
    case 'instruct': {
      if (finished) return refuse('finished');
      if (!has(actor, 'executive')) return refuse('not_executive');
      return { ok: true, next: { ...keep, status: state.status } };
    }
    case 'reopen': {
      if (!finished) return refuse('wrong_status');
      const former = state.assigneeId === actor.id && canHandleTrack(state.track, actor);
      if (!isManager(state.track, actor) && !former) return refuse('not_handler');
      return { ok: true, next: { ...keep, status: 'in_progress' } };
    }
  }
}
