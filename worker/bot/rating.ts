import type { WebhookEvent } from '../../schema/contracts/line-webhook';
import { decide } from '../cases/case-machine';
import { writeTransition } from '../cases/case-transition-data';
import { type CaseRecord, getCase } from '../cases/cases-data';
import { replyPersonKeys } from '../cases/complainant-notifier';
import { progressRestart, setProgressDate } from '../cases/progress-dates';
import { recordFixed, recordScore } from '../cases/ratings-data';
import { awaitReply } from '../cases/reply-waits';
import {
  parseRatingPostback,
  type RatingPostback,
  ratingTag,
  scoreChoices,
  scoreLabels,
} from '../cases/satisfaction';
import { keyringFromEnv } from '../crypto/keyring';
import type { LineMessage } from '../line/gateway';
import { staffWithRole } from '../staff/staff-data';
import type { BotContext } from './context';
import { replyTo } from './reply';
import { awaitComment, commentInvitation } from './rating-comment';
import { tellAsker } from './staff/relay-notice';

const stale: LineMessage = { type: 'text', text: 'ปุ่มนี้ใช้ไม่ได้แล้ว หากต้องการติดตามเรื่อง พิมพ์ "ติดตามเรื่อง"' };

/**
 * A complainant's answer to the result of their case (a quick reply on the result message): fixed or
 * not, and a 1–5 rating. Each is recorded once per closing; "not fixed" reopens the case to an admin
 * and takes the complainant's next message as their account of what is still wrong. All answers are
 * replies (free).
 */
export async function handleRatingPostback(
  ctx: BotContext,
  event: WebhookEvent,
  data: string,
): Promise<void> {
  const answer = parseRatingPostback(data);
  const keyring = await keyringFromEnv(ctx.env);
  const genuine =
    answer &&
    (await ratingTag(keyring, ctx.org.id, answer.caseId, answer.closedVersion)).includes(answer.tag);
  const c = genuine ? await getCase(ctx.db, ctx.org.id, answer.caseId) : null;
  if (!answer || !c) return replyTo(ctx, event, [stale]);
  const at = { orgId: ctx.org.id, caseId: c.id, closedVersion: answer.closedVersion, now: ctx.now() };
  if (answer.answer === 'fixed') {
    const first = await recordFixed(ctx.db, at, true);
    return replyTo(ctx, event, [
      first
        ? {
            type: 'text',
            text: `ขอบคุณที่ยืนยันว่าเรื่อง ${c.code} ได้รับการแก้ไขแล้ว\nท่านพึงพอใจการดำเนินการเพียงใด แตะให้คะแนนด้านล่างได้เลย`,
            quickReply: scoreChoices(answer),
          }
        : { type: 'text', text: `บันทึกคำตอบเรื่อง ${c.code} ของท่านไว้แล้ว ขอบคุณครับ` },
    ]);
  }
  if (answer.answer === 'not_fixed') return notFixed(ctx, event, c, answer);
  const first = await recordScore(ctx.db, at, answer.answer);
  if (!first) return replyTo(ctx, event, [{ type: 'text', text: `ท่านให้คะแนนเรื่อง ${c.code} ไว้แล้ว ขอบคุณครับ` }]);
  // A first rating invites an optional comment: the person's next text (rating-comment.ts).
  await awaitComment(ctx, keyring, {
    userId: event.source!.userId!,
    complaintId: c.id,
    closedVersion: answer.closedVersion,
  });
  return replyTo(ctx, event, [
    commentInvitation(
      `ขอบคุณสำหรับคะแนน "${scoreLabels[answer.answer]}" เรื่อง ${c.code} ${ctx.org.name}จะนำไปปรับปรุงการให้บริการ`,
    ),
  ]);
}

async function notFixed(ctx: BotContext, event: WebhookEvent, c: CaseRecord, answer: RatingPostback) {
  const admins = await staffWithRole(ctx.db, ctx.org.id, 'admin');
  // Not the one who closed it when another admin exists.
  const admin = admins.find((a) => a.id !== c.assigneeId) ?? admins[0];
  const decision = admin ? decide(c, { type: 'not_fixed', admin }, 'resident', answer.closedVersion) : null;
  const now = ctx.now();
  // The calendar is read only for a reopening that can happen.
  const restartOn = admin && decision?.ok ? await progressRestart(ctx.db, ctx.org.id, now) : null;
  const written =
    admin &&
    decision?.ok &&
    (await writeTransition(ctx.db, {
      orgId: ctx.org.id,
      caseId: c.id,
      fromVersion: c.version,
      fromStatus: c.status,
      next: decision.next,
      actor: { type: 'resident', ref: 'reporter' },
      action: 'reopened_not_fixed',
      note: 'ผู้ร้องเรียนแจ้งว่าปัญหายังไม่ได้รับการแก้ไข',
      handling: { ...c.handling, outcome: null, resultSummary: null },
      clearWaits: false,
      now,
      alsoWrite: (d) => (restartOn ? [setProgressDate(d, c.id, restartOn)] : []),
    }));
  if (!written) {
    return replyTo(ctx, event, [
      { type: 'text', text: `เรื่อง ${c.code} มีการดำเนินการต่อแล้ว หากต้องการติดตามเรื่อง พิมพ์ "ติดตามเรื่อง"` },
    ]);
  }
  await recordFixed(
    ctx.db,
    { orgId: ctx.org.id, caseId: c.id, closedVersion: answer.closedVersion, now },
    false,
  );
  const [personKey] = await replyPersonKeys(await keyringFromEnv(ctx.env), ctx.org.id, event.source!.userId!);
  await awaitReply(ctx.db, {
    orgId: ctx.org.id,
    personKey: personKey!,
    complaintId: c.id,
    askedBy: admin.id,
    now,
  });
  await replyTo(ctx, event, [
    {
      type: 'text',
      text: [
        `ขออภัยที่ปัญหายังไม่ได้รับการแก้ไข ${ctx.org.name}เปิดเรื่อง ${c.code} อีกครั้งแล้ว`,
        'กรุณาพิมพ์สิ่งที่ยังไม่ได้แก้ไข หรือส่งรูปถ่ายมาในแชตนี้ ข้อความของท่านจะส่งถึงผู้ดูแลเรื่องโดยไม่เปิดเผยบัญชี LINE ของท่าน',
      ].join('\n'),
    },
  ]);
  await tellAsker(ctx, {
    caseId: c.id,
    askedBy: admin.id,
    lead: (fresh) =>
      `ผู้ร้องเรียนแจ้งว่าเรื่อง ${fresh.code} ยังไม่ได้รับการแก้ไข ระบบเปิดเรื่องอีกครั้งและมอบให้ท่าน คำอธิบายหรือรูปถ่ายจากผู้ร้องเรียนจะส่งตามมา`,
    retryKey: `not-fixed:${ctx.org.id}:${c.code}:${answer.closedVersion}`,
  });
}
