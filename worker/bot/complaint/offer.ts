import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { listAllCategories } from '../../complaints/categories-data';
import { createDraft } from '../../complaints/drafts-data';
import { classifyReport } from '../../complaints/report-classifier';
import type { BotContext } from '../context';
import type { Person } from '../person-lookup';
import { isGreetingOnly } from './asides';
import { classifyEvent } from './classify';
import { handleComplaintEvent } from './handler';
import { hintText } from './hints';
import { promptStep, sessionOf } from './session';

/**
 * The last chance for a 1:1 message nobody else took (no draft, no command, no staff word): if it
 * reads like a report (the problem in the person's own words), or is a photo, file, location or
 * video, a draft is opened at the offer step ("ต้องการแจ้งเรื่องนี้กับ<org>ไหม") and the message is
 * handled there, so what was sent first is kept. Returns false for anything else (the menu answers).
 */
export async function offerComplaint(
  ctx: BotContext,
  event: WebhookEvent,
  person: Pick<Person, 'userId' | 'keyring' | 'keys' | 'draft'>,
): Promise<boolean> {
  const input = classifyEvent(event);
  const refused = input.kind === 'flow' ? input.refused : undefined;
  const opens =
    input.kind === 'evidence' ||
    refused !== undefined ||
    (input.kind === 'flow' && input.input.kind === 'location') ||
    (input.kind === 'flow' && input.input.kind === 'text' && (await readsLikeReport(ctx, input.input.text)));
  if (!opens) return false;
  const s = sessionOf(ctx, event, person);
  const draft = await createDraft(ctx.db, {
    orgId: ctx.org.id,
    personKey: s.personKeys[0]!,
    personKeys: s.personKeys,
    step: 'offer',
    data: {},
    now: ctx.now(),
  });
  if (refused) {
    await promptStep(s, draft, hintText(refused, 'offer'));
    return true;
  }
  // The flow takes it from here as the draft's first input (text, location or evidence).
  return handleComplaintEvent(ctx, event, { ...person, draft });
}

async function readsLikeReport(ctx: BotContext, text: string): Promise<boolean> {
  if (isGreetingOnly(text)) return false;
  return classifyReport(text, await listAllCategories(ctx.db, ctx.org.id)).isReport;
}
