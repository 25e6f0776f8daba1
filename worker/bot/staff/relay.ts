import { textMessageEvent, type WebhookEvent } from '../../../schema/line-webhook';
import { keyringFromEnv } from '../../crypto/keyring';
import { canRead, decide } from '../../staff/case-machine';
import { writeTransition } from '../../staff/case-transition-data';
import { getCase } from '../../staff/cases-data';
import { replyPersonKeys } from '../../staff/notifier';
import { getStaff, staffLineIds } from '../../staff/staff-data';
import type { BotContext } from '../context';
import { replyTo } from '../complaint/send';
import { caseCard } from './case-card';
import { cardLinks } from './turn';

/**
 * A complainant's answer to a question staff asked through the bot: found by a keyed hash of their
 * LINE user id (the wait written by the notifier), attached to the case as an event and forwarded to
 * the staff member who asked. Staff read the text and the case code, never who sent it. Returns false
 * when the person has no open question (the message is then not ours).
 */
export async function handleComplainantAnswer(ctx: BotContext, event: WebhookEvent): Promise<boolean> {
  const text = textMessageEvent.safeParse(event);
  const userId = event.source?.userId;
  if (event.type !== 'message' || !userId) return false;
  const keyring = await keyringFromEnv(ctx.env);
  const keys = await replyPersonKeys(keyring, ctx.org.id, userId);
  const now = ctx.now();
  const wait = await ctx.db.$client
    .prepare(
      `select complaint_id, asked_by from case_reply_waits
       where org_id = ? and expires_at > ? and person_key in (${keys.map(() => '?').join(',')})
       order by created_at desc limit 1`,
    )
    .bind(ctx.org.id, now, ...keys)
    .first<{ complaint_id: number; asked_by: number | null }>();
  if (!wait) return false;
  if (!text.success) {
    // Only text is relayed for now (photos would need the evidence pipeline for cases): say so.
    await replyTo(ctx, event, [{ type: 'text', text: 'ขณะนี้ส่งต่อถึงเจ้าหน้าที่ได้เฉพาะข้อความ กรุณาพิมพ์คำตอบของท่าน' }]);
    return true;
  }

  const c = await getCase(ctx.db, ctx.org.id, wait.complaint_id);
  const decision = c ? decide(c, { type: 'info_received' }, 'resident') : null;
  const answer = text.data.message.text.trim();
  const written =
    c &&
    decision?.ok &&
    (await writeTransition(ctx.db, {
      orgId: ctx.org.id,
      caseId: c.id,
      fromVersion: c.version,
      fromStatus: c.status,
      next: decision.next,
      actor: { type: 'resident', ref: 'reporter' },
      action: 'info_received',
      note: answer,
      handling: { ...c.handling },
      clearWaits: true,
      now,
    }));
  if (!written) {
    // The case moved on meanwhile (closed, or answered already): the question is no longer open.
    await ctx.db.$client
      .prepare('delete from case_reply_waits where complaint_id = ?')
      .bind(wait.complaint_id)
      .run();
    return false;
  }
  await replyTo(ctx, event, [
    { type: 'text', text: `ส่งข้อความของท่านถึงเจ้าหน้าที่ผู้รับผิดชอบเรื่อง ${c.code} แล้ว ขอบคุณที่ให้ข้อมูลเพิ่มเติม` },
  ]);
  await forwardToStaff(ctx, c.id, wait.asked_by, answer);
  return true;
}

// To the one who asked (or the owner), if they may still read the case; one billable push.
async function forwardToStaff(ctx: BotContext, caseId: number, askedBy: number | null, answer: string) {
  const fresh = (await getCase(ctx.db, ctx.org.id, caseId))!;
  const candidates = [askedBy, fresh.assigneeId].filter((id): id is number => id !== null);
  for (const id of candidates) {
    const member = await getStaff(ctx.db, ctx.org.id, id);
    if (!member?.active || !canRead(fresh, member)) continue;
    const [target] = await staffLineIds(ctx.db, await keyringFromEnv(ctx.env), ctx.org.id, [id]);
    if (!target) continue;
    // LINE takes 5000 characters a message; the whole answer is on the case.
    const lead = `ผู้ร้องเรียนตอบกลับเรื่อง ${fresh.code}:\n\n${answer.slice(0, 4000)}`;
    await ctx.line.push(target.lineUserId, [
      { type: 'text', text: lead },
      caseCard(fresh, await cardLinks({ ctx })),
    ]);
    return;
  }
  console.warn('complainant answer has nobody to forward to', { org: ctx.org.slug, caseId });
}
