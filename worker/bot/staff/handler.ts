import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import { keyringFromEnv } from '../../crypto/keyring';
import { parseStaffCommand } from '../../cases/command-parse';
import { DIRECT_CHAT, findGroupPrompts } from '../../cases/prompts-data';
import { heldNoticeCases, quotaNudge } from '../../notices/held-notices';
import { findActiveStaff, type StaffMember } from '../../staff/staff-data';
import type { BotContext } from '../context';
import type { EventInput } from '../event-input';
import { lookUpPerson, type Person } from '../person-lookup';
import { normalizeText } from '../text-router';
import { onStaffButton } from './case-buttons';
import { onCaseCommand, onPromptText } from './case-commands';
import { onStaffAdmin } from './onboarding';
import { onPromptPhoto } from './after-photo';
import { isStaffPostback, parseStaffPostback } from '../../cases/cards/staff-postback';
import { deskOk, inGroup, notDeskText, notStaffText, type StaffTurn, sayText } from './turn';

/** The 1:1 sender as dispatch looked them up: their membership and open prompt are not read again. */
export type KnownSender = Pick<Person, 'keyring' | 'staff' | 'prompt'>;

/**
 * Staff events, 1:1 and in groups: the staff buttons, the staff commands and the text a button asked
 * for. Returns false for anything else (in a group the caller then stays quiet). The sender's
 * membership is re-read on every event (1:1, once per event by dispatch: `known`): a removed member
 * is refused from their very next tap.
 */
export async function handleStaffEvent(
  ctx: BotContext,
  event: WebhookEvent,
  input: EventInput,
  known?: KnownSender,
): Promise<boolean> {
  const source = event.source;
  const userId = source?.userId;
  if (!userId) return false;
  const chatKey = source?.type === 'user' ? DIRECT_CHAT : (source?.groupId ?? source?.roomId);
  if (!chatKey) return false;

  // Cheap checks first: most events (residents, group chatter) are not for staff at all.
  const command = input.text !== null ? parseStaffCommand(normalizeText(input.text)) : null;
  const data = input.postbackData ?? '';
  const button = isStaffPostback(data);
  // A photo or file may be the after photo of a closing the chat is waiting for (after-photo.ts).
  const media = input.messageType === 'image' || input.messageType === 'file';
  if (!button && !command && input.text === null && !media) return false;

  // 1:1, the sender was looked up with everything else about them (dispatch); in a group, here.
  const direct = chatKey === DIRECT_CHAT ? (known ?? (await lookUpPerson(ctx, userId))) : null;
  const keyring = direct?.keyring ?? (await keyringFromEnv(ctx.env));
  const turn: StaffTurn = { ctx, event, userId, chatKey, keyring };
  const sender = async () => (direct ? direct.staff : findActiveStaff(ctx.db, keyring, ctx.org.id, userId));
  // While new-case notices wait for the month's quota, every answer to a member says how to see them:
  // 1:1 and in the staff desk, never in another group (residents may be in it).
  const nudged = async (member: StaffMember | null) => {
    if (member && (await deskOk(turn))) {
      turn.nudge = quotaNudge(await heldNoticeCases(ctx.db, ctx.org.id), member, inGroup(turn));
    }
    return member;
  };
  if (button) {
    const parsed = parseStaffPostback(data);
    const member = await nudged(await sender());
    if (!member) return sayText(turn, notStaffText).then(() => true);
    if (!parsed) return sayText(turn, 'ปุ่มนี้ใช้ไม่ได้แล้ว').then(() => true);
    if (!(await deskOk(turn))) return sayText(turn, notDeskText).then(() => true);
    await onStaffButton(turn, member, parsed);
    return true;
  }
  if (command) {
    const member = await nudged(await sender());
    if (command.kind !== 'case') await onStaffAdmin(turn, member, command);
    else if (!member) await sayText(turn, notStaffText);
    else if (!(await deskOk(turn))) await sayText(turn, notDeskText);
    else await onCaseCommand(turn, member, command);
    return true;
  }
  if (input.text === null) return promptPhoto(turn, direct);
  const text = normalizeText(input.text);
  if (direct) return directPromptAnswer(turn, direct, text);
  return groupPromptAnswer(turn, text);
}

// 1:1: the prompt was read with the sender (only an active member's prompt is found).
async function directPromptAnswer(turn: StaffTurn, known: KnownSender, text: string): Promise<boolean> {
  if (!known.prompt || !known.staff) return false;
  await onPromptText(turn, known.staff, known.prompt, text);
  return true;
}

// A photo while a prompt is open: 1:1 the prompt read with the sender; in a group the sender's own.
async function promptPhoto(turn: StaffTurn, known: KnownSender | null): Promise<boolean> {
  if (known) return !!known.prompt && !!known.staff && onPromptPhoto(turn, known.staff, known.prompt);
  const own = await ownGroupPrompt(turn);
  return own !== null && onPromptPhoto(turn, own.member, own.prompt);
}

// The sender's own open prompt in this group (the desk only), with their membership; null otherwise.
async function ownGroupPrompt(turn: StaffTurn) {
  const { db, org } = turn.ctx;
  const prompts = await findGroupPrompts(db, org.id, turn.chatKey, turn.ctx.now());
  if (prompts.length === 0) return null;
  const member = await findActiveStaff(db, turn.keyring, org.id, turn.userId);
  const prompt = member ? prompts.find((p) => p.staffId === member.id) : undefined;
  if (!member || !prompt || !(await deskOk(turn))) return null;
  return { member, prompt };
}

async function groupPromptAnswer(turn: StaffTurn, text: string): Promise<boolean> {
  const own = await ownGroupPrompt(turn);
  if (!own) return false;
  await onPromptText(turn, own.member, own.prompt, text);
  return true;
}
