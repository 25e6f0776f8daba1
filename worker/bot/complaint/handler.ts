import type { ComplaintTrack } from '../../../schema/contracts/complaint';
import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { pauseDraft, touchDraft } from '../../complaints/draft-lifecycle';
import { complaintLimits } from '../../../schema/contracts/complaint';
import {
  type Draft,
  findActiveDraft,
  findOwnDraft,
  findPendingReceipt,
  saveDraft,
} from '../../complaints/drafts-data';
import { type EvidenceMessage, receiveEvidence } from '../../complaints/evidence';
import { afterEvidence } from '../../complaints/flow';
import { DRAFT_TTL_MS, IDLE_MS, type Step } from '../../complaints/flow-steps';
import { setComplete, setPhotosText } from '../../complaints/image-sets';
import type { BotContext } from '../context';
import type { LineMessage } from '../../line/gateway';
import { routeText } from '../text-router';
import { isGreetingOnly } from './asides';
import type { Person } from '../person-lookup';
import { type ChatInput, classifyEvent } from './classify';
import { hintText, refusalText } from './hints';
import { isCommandText } from '../text-router';
import { goneMessage, resumeQuestion } from './notices';
import { answer, discardDraft, promptStep, type Session, sessionOf, startDraft } from './session';
import { resendReceipt, runStep } from './step-runner';

/**
 * The complaint conversation's entry point, called for every 1:1 message and postback before the text
 * commands. While the person has an active draft the flow owns everything they send; without one it
 * takes only its entry words and its own buttons. Returns false when the event is not the flow's.
 * `person` is the sender as dispatch looked them up for this event (their draft already read).
 */
export async function handleComplaintEvent(
  ctx: BotContext,
  event: WebhookEvent,
  person: Pick<Person, 'userId' | 'keyring' | 'keys' | 'draft'>,
): Promise<boolean> {
  const input = classifyEvent(event);
  // The draft was found by a keyed hash of the person: the LINE user id is never stored with it.
  const s = sessionOf(ctx, event, person);

  let draft = person.draft;
  if (draft && ctx.now() - draft.lastActiveAt > DRAFT_TTL_MS) {
    await discardDraft(s, draft, 'expired');
    draft = null;
  }
  if (!draft) return withoutDraft(s, input);
  await withDraft(s, draft, input);
  return true;
}

async function withoutDraft(s: Session, input: ChatInput): Promise<boolean> {
  if (input.kind === 'entry') {
    await startDraft(s, input.track, input.related);
    return true;
  }
  const button =
    input.kind === 'flow' || input.kind === 'resume' || input.kind === 'restart' ? input.button : undefined;
  if (!button) {
    if (input.kind !== 'flow' || input.input.kind !== 'confirm') return false;
    const pending = await findPendingReceipt(s.ctx.db, s.ctx.org.id, s.personKeys);
    if (pending) await resendReceipt(s, pending);
    return pending !== null;
  }
  if (input.kind === 'restart') {
    await startDraft(s, input.track);
    return true;
  }
  const own = await findOwnDraft(s.ctx.db, s.ctx.org.id, button.draftId, s.personKeys);
  if (own?.state === 'submitted') await resendReceipt(s, own);
  else await answer(s, [goneMessage()]);
  return true;
}

// The steps whose answer is the person's own words: a greeting there would be stored as the answer.
const FREE_TEXT_STEPS = new Set<Step>(['offer', 'description', 'place', 'when', 'involved', 'name']);

async function withDraft(s: Session, draft: Draft, input: ChatInput): Promise<void> {
  const ownButton = !('button' in input) || !input.button || input.button.draftId === draft.id;
  if (input.kind === 'resume' && ownButton) return resume(s, draft);
  if (input.kind === 'restart' && ownButton) {
    await discardDraft(s, draft, 'restarted');
    return startDraft(s, input.track ?? draft.data.track);
  }

  if (input.kind === 'aside') return aside(s, draft, input.text);
  // Before the person has said they want to file, a tracking code or a plan question is not more of
  // their story: it is answered, and the offer waits.
  if (
    draft.step === 'offer' &&
    input.kind === 'flow' &&
    input.input.kind === 'text' &&
    isCommandText(input.input.text)
  )
    return aside(s, draft, input.input.text);
  const idle = draft.paused || s.ctx.now() - draft.lastActiveAt > IDLE_MS;
  const cancel = input.kind === 'flow' && input.input.kind === 'cancel' && ownButton;
  if (idle && !cancel) return askResume(s, draft, input.kind === 'entry' ? input.track : undefined);
  if (input.kind === 'entry') {
    if (draft.step === 'track' && input.track)
      return runStep(s, draft, { kind: 'track', track: input.track });
    return askResume(s, draft, input.track);
  }
  if (input.kind === 'resume' || input.kind === 'restart' || input.kind === 'foreign') {
    return promptStep(
      s,
      draft,
      hintText(input.kind === 'foreign' ? 'unsupported' : 'stale_button', draft.step),
    );
  }
  const button = input.kind === 'flow' ? input.button : undefined;
  if (button && !cancel && (button.draftId !== draft.id || button.version !== draft.version)) {
    return promptStep(s, draft, hintText('stale_button', draft.step));
  }
  if (input.kind === 'evidence') return evidence(s, draft, input.message);
  if (input.input.kind === 'text' && FREE_TEXT_STEPS.has(draft.step) && isGreetingOnly(input.input.text))
    return promptStep(s, draft, 'ข้อความนี้เป็นคำทักทาย ระบบยังไม่ได้บันทึกเป็นคำตอบของขั้นนี้');
  return runStep(s, draft, input.input, input.refused);
}

// "ทำต่อ": the draft is active again and its current question is asked again.
async function resume(s: Session, draft: Draft): Promise<void> {
  const version = await saveDraft(
    s.ctx.db,
    draft,
    { step: draft.step, data: draft.data, paused: false },
    s.ctx.now(),
  );
  await promptStep(s, { ...draft, version: version ?? draft.version, paused: false });
}

// "ติดตามเรื่อง", the plan, the menu: answered as outside the flow; the draft waits and is offered again.
async function aside(s: Session, draft: Draft, text: string): Promise<void> {
  const messages = (await routeText(s.ctx, { userId: s.userId, text })) ?? [];
  // LINE takes five messages a reply; the resume question is the last (its buttons stay in view).
  return askResume(s, draft, undefined, messages.slice(0, 4));
}

// Keeps the draft as it is and asks whether to continue, start over or cancel.
async function askResume(
  s: Session,
  draft: Draft,
  restartTrack?: ComplaintTrack,
  before: LineMessage[] = [],
): Promise<void> {
  let version = draft.version;
  if (!draft.paused) {
    await pauseDraft(s.ctx.db, draft);
    version += 1;
  }
  const ref = { id: draft.id, version, step: draft.step, track: draft.data.track };
  await answer(s, [...before, resumeQuestion(ref, restartTrack ?? draft.data.track)]);
}

// A photo or file is taken at any step (people send them when they have them): stored, counted, and at
// the evidence step (or the offer) the conversation moves on. Fetching it from LINE takes a moment, so
// the chat shows LINE's loading animation meanwhile.
async function evidence(s: Session, draft: Draft, message: EvidenceMessage): Promise<void> {
  await s.ctx.line.showLoading(s.userId).catch(() => undefined);
  const result = await receiveEvidence(
    {
      db: s.ctx.db,
      bucket: s.ctx.env.EVIDENCE,
      line: s.ctx.line,
      orgId: s.ctx.org.id,
      draftId: draft.id,
      now: s.ctx.now(),
    },
    message,
  );
  await touchDraft(s.ctx.db, draft.id, s.ctx.now());
  const kind = message.type === 'file' ? 'ไฟล์' : 'รูปภาพ';
  // Photos sent together arrive one event each, in any order: each refused one is answered, and the
  // stored ones once, by whichever event completes the set.
  const set = result.type === 'duplicate' ? undefined : result.imageSet;
  const setDone = set && setComplete(set);
  const setReceipt = setDone && set.stored > 0 ? `ได้รับ${setPhotosText(set)}แล้ว` : undefined;
  const count = `(แนบแล้ว ${result.count} จาก ${complaintLimits.attachmentsMax} ไฟล์)`;
  if (result.type === 'refused' && !setReceipt)
    return promptStep(s, draft, [refusalText(result.reason, message.type), count].join('\n'));
  if (set && !setDone) return;
  const lead = [
    result.type === 'refused' ? refusalText(result.reason, message.type) : null,
    setReceipt ?? `ได้รับ${kind}แล้ว`,
    count,
  ]
    .filter(Boolean)
    .join('\n');
  await moveOnAfterEvidence(s, draft, lead);
}

async function moveOnAfterEvidence(s: Session, read: Draft, lead: string, retried = false): Promise<void> {
  const draft = retried ? await findActiveDraft(s.ctx.db, s.ctx.org.id, s.personKeys) : read;
  if (!draft) return;
  const next = afterEvidence(draft.step, draft.data);
  const version = await saveDraft(s.ctx.db, draft, { ...next, paused: false }, s.ctx.now());
  if (version === null && !retried) return moveOnAfterEvidence(s, draft, lead, true);
  await promptStep(s, { ...draft, ...next, version: version ?? draft.version }, lead);
}
