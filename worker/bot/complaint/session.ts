import type { ComplaintTrack } from '../../../schema/contracts/complaint';
import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { bangkokDate } from '../../../lib/thai-date';
import { type Keyring, open } from '../../crypto/secret-box';
import { countDraftAttachments, deleteDraftAttachments } from '../../complaints/attachments-data';
import { listCategories, listOrgUnits } from '../../complaints/categories-data';
import { closeDraft } from '../../complaints/draft-lifecycle';
import { retentionDays } from '../../cases/retention';
import { createDraft, type Draft, draftContext } from '../../complaints/drafts-data';
import { applyInput } from '../../complaints/flow';
import type { DraftData, Step } from '../../complaints/flow-steps';
import type { LineMessage } from '../../line/gateway';
import type { BotContext } from '../context';
import { stepMessages } from './prompts';
import { replyTo } from './send';
import type { StepView } from './step-view';

/** One event of one person, with what every part of the flow needs. */
export interface Session {
  ctx: BotContext;
  event: WebhookEvent;
  /** Used only to reply, to push a receipt and to file into the vault; never stored or logged. */
  userId: string;
  keyring: Keyring;
  /** Keyed hashes of the person (current key first): how their draft is found. */
  personKeys: string[];
}

/** The session of one event of a person as dispatch looked them up (their draft found by keyed hash). */
export function sessionOf(
  ctx: BotContext,
  event: WebhookEvent,
  person: { userId: string; keyring: Keyring; keys: { draft: string[] } },
): Session {
  return { ctx, event, userId: person.userId, keyring: person.keyring, personKeys: person.keys.draft };
}

/** Sends the answer to this event. */
export function answer(s: Session, messages: LineMessage[]): Promise<void> {
  return replyTo(s.ctx, s.event, messages);
}

/** Today's date in Thailand. */
export function today(s: Session): string {
  return bangkokDate(s.ctx.now());
}

/** The sealed name and phone of a draft, opened (for the summary and the submission only). */
export async function openIdentity(s: Session, draft: Draft): Promise<{ name?: string; phone?: string }> {
  const org = s.ctx.org.id;
  return {
    name: draft.nameSealed
      ? await open(s.keyring, draft.nameSealed, draftContext.name(org, draft.id))
      : undefined,
    phone: draft.phoneSealed
      ? await open(s.keyring, draft.phoneSealed, draftContext.phone(org, draft.id))
      : undefined,
  };
}

/** Everything a step's question shows, loaded for the draft as it now is. */
export async function viewOf(
  s: Session,
  draft: Pick<Draft, 'id' | 'version' | 'step' | 'data'> & Partial<Draft>,
): Promise<StepView> {
  const { db, org } = s.ctx;
  const needsCount = draft.step === 'evidence' || draft.step === 'summary' || draft.step === 'offer';
  // The offer names the suggested category; after it, the draft's own track.
  const track = draft.data.track ?? draft.data.suggested?.track;
  const needsUnits =
    draft.data.involvedRole === 'unit_staff' && (draft.step === 'involved' || draft.step === 'summary');
  const summary = draft.step === 'summary';
  const [categories, attachments, identity, units, retention] = await Promise.all([
    track ? listCategories(db, org.id, track) : Promise.resolve([]),
    needsCount ? countDraftAttachments(db, draft.id) : Promise.resolve(0),
    draft.step === 'summary' && 'nameSealed' in draft
      ? openIdentity(s, draft as Draft)
      : Promise.resolve(undefined),
    needsUnits ? listOrgUnits(db, org.id) : Promise.resolve([]),
    summary ? retentionDays(db, org.id, draft.data.track ?? 'grievance') : Promise.resolve(undefined),
  ]);
  return {
    orgName: org.name,
    draft,
    categories,
    units,
    attachments,
    today: today(s),
    identity,
    retentionDays: retention,
  };
}

/** The question of the draft's current step, after an optional lead line. */
export async function promptStep(
  s: Session,
  draft: Pick<Draft, 'id' | 'version' | 'step' | 'data'> & Partial<Draft>,
  lead?: string,
): Promise<void> {
  await answer(s, stepMessages(await viewOf(s, draft), lead));
}

/** Starts a draft (at the category step when the track is known) and asks its first question. */
export async function startDraft(s: Session, track?: ComplaintTrack, relatedCode?: string): Promise<void> {
  let step: Step = 'track';
  let data: DraftData = relatedCode ? { relatedCode } : {};
  if (track) {
    const chosen = applyInput('track', data, { kind: 'track', track }, { categories: [], today: today(s) });
    if (chosen.type === 'next') ({ step, data } = chosen);
  }
  const draft = await createDraft(s.ctx.db, {
    orgId: s.ctx.org.id,
    personKey: s.personKeys[0]!,
    personKeys: s.personKeys,
    step,
    data,
    now: s.ctx.now(),
  });
  const lead = relatedCode
    ? `แจ้งเหตุที่ท่านถูกกลั่นแกล้งหรือได้รับผลกระทบหลังแจ้งเรื่อง ${relatedCode}\nเรื่องนี้ส่งถึงเจ้าหน้าที่ป้องกันการทุจริตเท่านั้น และท่านเลือกไม่เปิดเผยตัวตนได้`
    : undefined;
  await promptStep(s, draft, lead);
}

/** Ends a draft without filing it: answers, sealed identity and evidence files are deleted. */
export async function discardDraft(
  s: Session,
  draft: Draft,
  reason: 'cancelled' | 'restarted' | 'expired',
): Promise<void> {
  await closeDraft(s.ctx.db, draft, reason, s.ctx.now());
  await deleteDraftAttachments(s.ctx.db, s.ctx.env.EVIDENCE, draft.id);
}
