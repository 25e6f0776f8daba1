import type { ComplaintSubmission } from '../../../schema/contracts/complaint';
import { open, seal } from '../../crypto/secret-box';
import { listAllCategories, listCategories, listOrgUnits } from '../../complaints/categories-data';
import { classifyReport } from '../../complaints/report-classifier';
import { clearPendingReceipt, touchDraft } from '../../complaints/draft-lifecycle';
import {
  type Draft,
  type DraftChange,
  draftContext,
  findActiveDraft,
  saveDraft,
} from '../../complaints/drafts-data';
import { applyInput } from '../../complaints/flow';
import type { FlowInput } from '../../complaints/flow-types';
import { findSubmitted } from '../../complaints/complaints-data';
import { submitComplaint } from '../../complaints/submit';
import { AppError } from '../../errors';
import { notifyNewCaseFromChat } from '../../notices/notify-new-case';
import { hintText } from './hints';
import { cancelledMessage, cancelQuestion } from './notices';
import { receiptMessages } from './receipt-card';
import { replyOrPush } from './send';
import { answer, discardDraft, openIdentity, promptStep, type Session, today } from './session';

/**
 * Applies one input to the person's draft at its current step and answers: the next question, a hint
 * and the same question again, the cancellation, or the receipt. A change is stored only if nobody
 * changed the draft since it was read; otherwise the input is applied once more to the fresh draft.
 */
export async function runStep(
  s: Session,
  draft: Draft,
  input: FlowInput,
  refused?: 'video' | 'audio',
  retried = false,
): Promise<void> {
  const { db, org } = s.ctx;
  // At the offer the track is not chosen yet: both tracks' categories, and the guess from the words.
  const both = draft.step === 'offer' ? await listAllCategories(db, org.id) : null;
  const categories = both ?? (draft.data.track ? await listCategories(db, org.id, draft.data.track) : []);
  const units = input.kind === 'involved_unit' ? await listOrgUnits(db, org.id) : [];
  const guess = both
    ? (text: string) => {
        const { track, categoryCode } = classifyReport(text, both);
        return { track, categoryCode };
      }
    : undefined;
  const outcome = applyInput(draft.step, draft.data, input, { categories, units, today: today(s), guess });
  switch (outcome.type) {
    case 'ask_cancel':
      await touchDraft(db, draft.id, s.ctx.now());
      return answer(s, [cancelQuestion(draft)]);
    case 'hint':
      await touchDraft(db, draft.id, s.ctx.now());
      return promptStep(s, draft, hintText(refused ?? outcome.hint, draft.step));
    case 'cancel':
      await discardDraft(s, draft, 'cancelled');
      return answer(s, [cancelledMessage()]);
    case 'submit':
      return submitDraft(s, draft);
    case 'next': {
      const change: DraftChange = { step: outcome.step, data: outcome.data, paused: false };
      if (outcome.clearIdentity) Object.assign(change, { nameSealed: null, phoneSealed: null });
      if (outcome.secret) {
        const context = draftContext[outcome.secret.field](org.id, draft.id);
        const sealed = await seal(s.keyring, outcome.secret.value, context);
        if (outcome.secret.field === 'name') change.nameSealed = sealed;
        else change.phoneSealed = sealed;
      }
      const version = await saveDraft(db, draft, change, s.ctx.now());
      if (version === null) {
        const fresh = await findActiveDraft(db, org.id, s.personKeys);
        if (fresh && !retried) return runStep(s, fresh, input, refused, true);
        return fresh ? promptStep(s, fresh, hintText('stale_button', fresh.step)) : undefined;
      }
      return promptStep(s, { ...draft, ...change, version, paused: false } as Draft);
    }
  }
}

// The draft as the shared submission contract (identity opened from the draft's sealed fields).
async function toSubmission(s: Session, draft: Draft): Promise<ComplaintSubmission> {
  const d = draft.data;
  const opened = await openIdentity(s, draft);
  const identity =
    d.identity === 'anonymous'
      ? { mode: 'anonymous' as const, reachInLine: d.silent !== true }
      : d.identity === 'confidential'
        ? { mode: 'confidential' as const, name: opened.name ?? '', phone: opened.phone ?? '' }
        : { mode: 'identified' as const, ...(opened.phone ? { phone: opened.phone } : {}) };
  return {
    submissionKey: draft.id,
    track: d.track!,
    categoryCode: d.categoryCode ?? '',
    description: d.description ?? '',
    place: d.place ?? undefined,
    occurred: d.occurred ?? undefined,
    involved: d.track === 'corruption' ? (d.involved ?? undefined) : undefined,
    involvedRole: d.track === 'corruption' ? d.involvedRole : undefined,
    relatedCode: d.track === 'corruption' ? d.relatedCode : undefined,
    involvedUnitId:
      d.track === 'corruption' && d.involvedRole === 'unit_staff'
        ? (d.involvedUnitId ?? undefined)
        : undefined,
    identity,
    // Confirming the summary is the consent: the notice stands right above its button.
    consent: true,
  } as ComplaintSubmission;
}

async function submitDraft(s: Session, draft: Draft): Promise<void> {
  const { db, org } = s.ctx;
  let result: Awaited<ReturnType<typeof submitComplaint>>;
  try {
    result = await submitComplaint(db, s.keyring, {
      orgId: org.id,
      lineUserId: s.userId,
      channel: 'line_chat',
      submission: await toSubmission(s, draft),
      draftId: draft.id,
      now: s.ctx.now(),
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    const first = Object.values((error.details ?? {}) as Record<string, string>)[0] ?? error.message;
    return promptStep(s, draft, first);
  }
  const lead = result.duplicate ? 'เรื่องนี้ส่งเรียบร้อยแล้ว' : undefined;
  await deliverReceipt(s, draft.id, receiptMessages(result, result.pin, lead));
  // Staff hear of it now; a failure here is retried by the cron, never by refiling.
  if (!result.duplicate) {
    await notifyNewCaseFromChat(s.ctx, result.complaintId).catch((error: unknown) =>
      console.error('staff notice after filing failed', { org: s.ctx.org.slug, error: String(error) }),
    );
  }
}

/**
 * A confirm button of a draft that was already filed (a double tap, or an event retried after the
 * receipt failed): the receipt again, with the PIN only if it never reached the person.
 */
export async function resendReceipt(s: Session, draft: Draft): Promise<void> {
  const result = await findSubmitted(s.ctx.db, s.ctx.org.id, draft.id);
  if (!result) return;
  let pin: string | undefined;
  if (draft.receiptSealed) {
    const context = draftContext.receipt(s.ctx.org.id, draft.id);
    pin = (JSON.parse(await open(s.keyring, draft.receiptSealed, context)) as { pin?: string }).pin;
  }
  await deliverReceipt(s, draft.id, receiptMessages(result, pin, 'เรื่องนี้ส่งเรียบร้อยแล้ว'));
}

async function deliverReceipt(s: Session, draftId: string, messages: Parameters<typeof replyOrPush>[3]) {
  await replyOrPush(s.ctx, s.event, s.userId, messages, `receipt:${s.ctx.org.id}:${draftId}`);
  await clearPendingReceipt(s.ctx.db, draftId);
}
