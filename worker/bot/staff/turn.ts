import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import type { Keyring } from '../../crypto/secret-box';
import type { LineMessage } from '../../line/gateway';
import type { ActionDeps } from '../../cases/case-actions';
import { DIRECT_CHAT } from '../../cases/prompts-data';
import { getStaffSettings } from '../../staff/settings-data';
import type { StaffMember } from '../../staff/staff-data';
import type { BotContext } from '../context';
import { replyTo } from '../complaint/send';
import type { CardLinks } from '../../cases/cards/case-card';

/** One staff event: who wrote (as LINE sent it), where (1:1 or a group) and the bot's tools. */
export interface StaffTurn {
  ctx: BotContext;
  event: WebhookEvent;
  /** The sender's LINE user id: used to look them up and to reply, never stored in plain. */
  userId: string;
  /** 'direct' for a 1:1 chat, else the group or room id. */
  chatKey: string;
  keyring: Keyring;
  /** A line every answer of this turn ends with (the held-notices reminder, see held-notices.ts). */
  nudge?: string | null;
  /** Whether this group is the staff desk, once read (see deskOk). */
  desk?: Promise<boolean>;
}

export const inGroup = (turn: StaffTurn) => turn.chatKey !== DIRECT_CHAT;

/** Answers the event (free: a reply, never a push), with the turn's nudge if there is room (5 messages). */
export const say = (turn: StaffTurn, messages: LineMessage[]) =>
  replyTo(
    turn.ctx,
    turn.event,
    turn.nudge && messages.length < 5 ? [...messages, { type: 'text', text: turn.nudge }] : messages,
  );

/** A plain text answer. */
export const sayText = (turn: StaffTurn, text: string) => say(turn, [{ type: 'text', text }]);

/**
 * Case content is shown in a group only if it is the organisation's staff desk (1:1 always). Read once
 * per turn: the held-notices line and the command both ask.
 */
export function deskOk(turn: StaffTurn): Promise<boolean> {
  if (!inGroup(turn)) return Promise.resolve(true);
  turn.desk ??= getStaffSettings(turn.ctx.db, turn.ctx.org.id).then((s) => s.deskChatId === turn.chatKey);
  return turn.desk;
}

/** What performCaseAction needs, from the turn. */
export function actionDeps(turn: StaffTurn): ActionDeps {
  return {
    db: turn.ctx.db,
    keyring: turn.keyring,
    line: turn.ctx.line,
    org: turn.ctx.org,
    now: turn.ctx.now(),
    links: { origin: turn.ctx.env.APP_ORIGIN, orgSlug: turn.ctx.org.slug },
  };
}

/** Links for cards: the organisation's LIFF app, as the context carries it. */
export function cardLinks(turn: Pick<StaffTurn, 'ctx'>): CardLinks {
  return { env: turn.ctx.env, orgSlug: turn.ctx.org.slug, liff: turn.ctx.liff };
}

export const notStaffText = 'คำสั่งนี้ใช้ได้เฉพาะเจ้าหน้าที่ที่ลงทะเบียนแล้ว';
export const corruptionInGroupText = 'เรื่องร้องเรียนการทุจริตดูและดำเนินการได้เฉพาะในแชตส่วนตัวกับบัญชีนี้ เพื่อปกป้องผู้แจ้ง';
export const notDeskText = 'กลุ่มนี้ไม่ใช่กลุ่มรับเรื่องของเจ้าหน้าที่ ผู้ดูแลระบบตั้งได้ด้วยคำสั่ง "ผูกกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้';

export type { StaffMember };
