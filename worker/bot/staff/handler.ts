import { postbackEvent, textMessageEvent, type WebhookEvent } from '../../../schema/line-webhook';
import { keyringFromEnv } from '../../crypto/keyring';
import { parseStaffCommand } from '../../staff/command-parse';
import { getStaffSettings } from '../../staff/settings-data';
import { DIRECT_CHAT, findDirectPrompt, findGroupPrompts } from '../../staff/prompts-data';
import { findActiveStaff, getStaff, staffPersonKeys } from '../../staff/staff-data';
import type { BotContext } from '../context';
import { normalizeText } from '../text-router';
import { onStaffButton } from './case-buttons';
import { onCaseCommand, onPromptText } from './case-commands';
import { onStaffAdmin } from './onboarding';
import { isStaffPostback, parseStaffPostback } from './postback-data';
import { inGroup, notDeskText, notStaffText, type StaffTurn, sayText } from './turn';

/**
 * Staff events, 1:1 and in groups: the staff buttons, the staff commands and the text a button asked
 * for. Returns false for anything else (in a group the caller then stays quiet). The sender's
 * membership is re-read on every event: a removed member is refused from their very next tap.
 */
export async function handleStaffEvent(ctx: BotContext, event: WebhookEvent): Promise<boolean> {
  const source = event.source;
  const userId = source?.userId;
  if (!userId) return false;
  const chatKey = source?.type === 'user' ? DIRECT_CHAT : (source?.groupId ?? source?.roomId);
  if (!chatKey) return false;

  const postback = postbackEvent.safeParse(event);
  const text = textMessageEvent.safeParse(event);
  // Cheap checks first: most events (residents, group chatter) are not for staff at all.
  const command = text.success ? parseStaffCommand(normalizeText(text.data.message.text)) : null;
  const data = postback.success ? postback.data.postback.data : '';
  const button = isStaffPostback(data);
  if (!button && !command && !text.success) return false;

  const turn: StaffTurn = { ctx, event, userId, chatKey, keyring: await keyringFromEnv(ctx.env) };
  if (button) {
    const parsed = parseStaffPostback(data);
    const member = await findActiveStaff(ctx.db, turn.keyring, ctx.org.id, userId);
    if (!member) return sayText(turn, notStaffText).then(() => true);
    if (!parsed) return sayText(turn, 'ปุ่มนี้ใช้ไม่ได้แล้ว').then(() => true);
    if (!(await deskOk(turn))) return sayText(turn, notDeskText).then(() => true);
    await onStaffButton(turn, member, parsed);
    return true;
  }
  if (command) {
    const member = await findActiveStaff(ctx.db, turn.keyring, ctx.org.id, userId);
    if (command.kind !== 'case') await onStaffAdmin(turn, member, command);
    else if (!member) await sayText(turn, notStaffText);
    else if (!(await deskOk(turn))) await sayText(turn, notDeskText);
    else await onCaseCommand(turn, member, command);
    return true;
  }
  if (!text.success) return false;
  return promptAnswer(turn, normalizeText(text.data.message.text));
}

// Case content is shown in a group only if it is the organisation's staff desk.
async function deskOk(turn: StaffTurn): Promise<boolean> {
  if (!inGroup(turn)) return true;
  const settings = await getStaffSettings(turn.ctx.db, turn.ctx.org.id);
  return settings.deskChatId === turn.chatKey;
}

async function promptAnswer(turn: StaffTurn, text: string): Promise<boolean> {
  const { db, org } = turn.ctx;
  const now = turn.ctx.now();
  if (!inGroup(turn)) {
    const keys = await staffPersonKeys(turn.keyring, org.id, turn.userId);
    const prompt = await findDirectPrompt(db, org.id, keys, now);
    if (!prompt) return false;
    const member = await getStaff(db, org.id, prompt.staffId);
    if (!member?.active) return false;
    await onPromptText(turn, member, prompt, text);
    return true;
  }
  const prompts = await findGroupPrompts(db, org.id, turn.chatKey, now);
  if (prompts.length === 0) return false;
  const member = await findActiveStaff(db, turn.keyring, org.id, turn.userId);
  const prompt = member ? prompts.find((p) => p.staffId === member.id) : undefined;
  if (!member || !prompt || !(await deskOk(turn))) return false;
  await onPromptText(turn, member, prompt, text);
  return true;
}
