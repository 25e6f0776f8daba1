import type { Db } from '../db/client';
import { checkinStatements } from './checkin-data';
import { afterPhotoMessage, linkAfterPhoto, takesAfterPhoto } from './after-photos';
import { AFTER_LINK_TTL_MS } from './evidence-links';
import { afterPhotoOnlyText } from '../../lib/texts/after-photo-texts';
import type { ActionDeps, ActionResult, CaseRequest } from './case-request';
import { canRead, decide } from './case-machine';
import { refusalText } from './case-refusals';
import { buildCommand, checkText } from './case-requests';
import { type Transition, writeTransition } from './case-transition-data';
import { type CaseRecord, getCase } from './cases-data';
import { complainantMessage } from './complainant-messages';
import { deliverComplainantNotices, nextNoticeAt, noticeStatement } from './complainant-notices';
import { progressRestart, setProgressDate, skipProgressNotices } from './progress-dates';
import { withResultQuestion } from './satisfaction';
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
  const afterPhotoId = request.action === 'close' ? request.afterPhotoId : undefined;
  if (afterPhotoId && request.action === 'close' && !takesAfterPhoto(current, request.outcome)) {
    return { ok: false, reason: 'invalid', message: afterPhotoOnlyText };
  }

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
  // The complainant's notice is written with the transition (never lost), then sent below.
  // Nothing is written for a reporter who chose not to be reached: they read it with code + PIN.
  const told = current.reachInLine ? built.notice : undefined;
  let message = told ? complainantMessage(org.name, current.code, told) : null;
  if (told?.kind === 'closed') {
    // The result asks whether it was really fixed, or for a rating (satisfaction.ts).
    message = await withResultQuestion(
      deps.keyring,
      {
        orgId: org.id,
        caseId,
        closedVersion: current.version + 1,
        resolved: told.outcome === 'resolved' && current.track === 'grievance',
      },
      message!,
    );
  }
  // The after photo goes before the result's text: the question's quick replies stay on the last message.
  const photo =
    told && afterPhotoId && deps.links
      ? await afterPhotoMessage(deps.keyring, {
          origin: deps.links.origin,
          orgId: org.id,
          orgSlug: deps.links.orgSlug,
          fileId: afterPhotoId,
          now: deps.now,
          ttlMs: AFTER_LINK_TTL_MS,
        })
      : null;
  const at = { orgId: org.id, caseId, version: current.version, now: deps.now };
  const notice =
    told && message
      ? (d: Db) => [
          ...(photo
            ? [
                noticeStatement(d, at, {
                  kind: 'closed_photo',
                  message: photo,
                  sourceKey: `case:${current.version}:${caseId}:after`,
                  awaitReplyBy: null,
                }),
              ]
            : []),
          noticeStatement(d, at, {
            kind: told.kind,
            message,
            sourceKey: `case:${current.version}:${caseId}`,
            awaitReplyBy: request.action === 'ask_info' ? actor.id : null,
          }),
        ]
      : null;
  // A progress notice still waiting is dropped when the complainant hears fresher news (it would state an
  // older status), so none goes out after the result; reopening starts a new 15 working days.
  const restartOn = request.action === 'reopen' ? await progressRestart(db, org.id, deps.now) : null;
  const progress = (d: Db) => [
    ...(told ? [skipProgressNotices(d, caseId)] : []),
    ...(restartOn ? [setProgressDate(d, caseId, restartOn)] : []),
  ];
  const checkin = await checkinStatements(db, current, {
    orgId: org.id,
    orgName: org.name,
    action: request.action,
    now: deps.now,
  });
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
    alsoWrite: (d: Db) => [
      ...(afterPhotoId
        ? linkAfterPhoto(d, { complaintId: caseId, fileId: afterPhotoId, staffId: actor.id, now: deps.now })
        : []),
      ...(notice?.(d) ?? []),
      ...progress(d),
      ...checkin(d),
    ],
  };
  const written = await writeTransition(db, transition);
  if (!written) {
    const fresh = (await getCase(db, org.id, caseId)) ?? current;
    return { ok: false, reason: 'stale', message: refusalText('stale', fresh.status), case: fresh };
  }
  let delivered: boolean | null = null;
  let sendsAt: number | null = null;
  if (notice) {
    // Sent at once (with any earlier notice of this case still waiting) unless the case was told
    // something a moment ago: then it waits for the merge window (the cron sends it); the cron also
    // retries a failure.
    const report = await deliverComplainantNotices(
      { db, keyring: deps.keyring, now: deps.now, lineFor: async () => deps.line },
      { orgId: org.id, complaintId: caseId },
    );
    const outcome = report.get(caseId);
    if (outcome) delivered = outcome === 'sent';
    else sendsAt = await nextNoticeAt(db, caseId);
  }
  return { ok: true, case: written, action: transition.action, note: transition.note, delivered, sendsAt };
}
