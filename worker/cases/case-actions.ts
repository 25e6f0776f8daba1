import type { ActionDeps, ActionResult, CaseRequest } from './case-request';
import { canRead, decide } from './case-machine';
import { refusalText } from './case-refusals';
import { buildCommand, checkText } from './case-requests';
import { type Transition, writeTransition } from './case-transition-data';
import { type CaseRecord, getCase } from './cases-data';
import { complainantMessage } from './complainant-messages';
import { notifyComplainant } from './complainant-notifier';
import type { StaffMember } from '../staff/staff-data';

export type { ActionDeps, ActionResult, CaseRequest };

const eventNames: Record<CaseRequest['action'], string> = {
  accept: 'accepted',
  assign: 'assigned',
  ask_info: 'info_requested',
  update: 'progress_update',
  forward: 'forwarded',
  close: 'closed',
  reopen: 'reopened',
  escalate: 'escalated',
  instruct: 'instructed',
};

/** Performs a staff action on a case by id: reads it (scoped to the organisation), then actOnCase. */
export async function performCaseAction(
  deps: ActionDeps,
  actor: StaffMember,
  caseId: number,
  request: CaseRequest,
  expectedVersion?: number,
): Promise<ActionResult> {
  return actOnCase(deps, actor, await getCase(deps.db, deps.org.id, caseId), request, expectedVersion);
}

/**
 * Performs a staff action on a case the caller has just read (scoped to the organisation; null when
 * not found there): asks the state machine, writes the transition under a version check on what was
 * read, then tells the complainant through the notifier. `expectedVersion` is what the actor saw (a
 * card, a form); text commands pass none. The case as written comes back from the write itself; only
 * a stale write reads it again, to show what the other action made of it.
 */
export async function actOnCase(
  deps: ActionDeps,
  actor: StaffMember,
  current: CaseRecord | null,
  request: CaseRequest,
  expectedVersion?: number,
): Promise<ActionResult> {
  const { db, org } = deps;
  if (!current || !actor.active) return { ok: false, reason: 'not_found', message: 'ไม่พบเรื่องนี้' };
  if (!canRead(current, actor)) {
    return { ok: false, reason: 'no_access', message: refusalText('no_access', current.status) };
  }
  const problem = checkText(request);
  if (problem) return { ok: false, reason: 'invalid', message: problem };

  const built = await buildCommand(deps, current, request);
  if ('message' in built) return built;
  const decision = decide(current, built.command, actor, expectedVersion);
  if (!decision.ok) {
    return {
      ok: false,
      reason: decision.refusal,
      message: refusalText(decision.refusal, current.status),
      case: current,
    };
  }
  const caseId = current.id;
  const transition: Transition = {
    orgId: org.id,
    caseId,
    fromVersion: current.version,
    fromStatus: current.status,
    next: decision.next,
    actor: { type: 'staff', ref: String(actor.id) },
    action: eventNames[request.action],
    note: built.note,
    handling: { ...current.handling, ...built.handling },
    clearWaits: current.status === 'awaiting_info',
    now: deps.now,
  };
  const written = await writeTransition(db, transition);
  if (!written) {
    const fresh = (await getCase(db, org.id, caseId)) ?? current;
    return { ok: false, reason: 'stale', message: refusalText('stale', fresh.status), case: fresh };
  }
  let delivered: boolean | null = null;
  if (built.notice) {
    delivered = await notifyComplainant(
      { db, keyring: deps.keyring, line: deps.line, orgId: org.id, now: deps.now },
      caseId,
      [complainantMessage(org.name, current.code, built.notice)],
      {
        // The random tracking code, not the row id: a key must never match another case's (restores, tests).
        retryKey: `case:${org.id}:${current.code}:${current.version}`,
        ...(request.action === 'ask_info' ? { awaitReply: { askedBy: actor.id } } : {}),
      },
    );
  }
  return { ok: true, case: written, action: transition.action, note: transition.note, delivered };
}
