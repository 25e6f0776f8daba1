import type { LineMessage } from '../line/gateway';
import { liffReceiptCommand } from './commands/liff-receipt';
import { planCarouselCommand } from './commands/show-plan';
import { checkinAnswerCommand } from './commands/checkin-answer';
import { myDataCommand } from './commands/my-data';
import { projectSearchCommand } from './commands/project-search';
import { trackCaseCommand, trackCodeCommand } from './commands/track-case';
import type { BotContext } from './context';
import type { TextCommand } from './commands/text-command';
import { welcomeMessage } from './messages/welcome';

const greeting: TextCommand = {
  name: 'greeting',
  // Thai greetings usually run on into a particle (สวัสดีครับ), so they match as a prefix.
  matches: (text) => /^(สวัสดี|หวัดดี|เมนู|เริ่ม)/.test(text) || /^(hello|hi|menu|start)\b/i.test(text),
  handle: async (ctx) => [welcomeMessage(ctx.org.name)],
};

// Order matters: the first command that matches and answers wins.
const commands: TextCommand[] = [
  liffReceiptCommand,
  greeting,
  planCarouselCommand,
  projectSearchCommand,
  trackCaseCommand,
  trackCodeCommand,
  myDataCommand,
  checkinAnswerCommand,
];

/** Normalises what people type: trims, folds runs of spaces, drops zero-width characters. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a text command would answer this text (a tracking code, the plan, the menu …). */
export function isCommandText(text: string): boolean {
  const normal = normalizeText(text);
  return commands.some((command) => command.matches(normal));
}

/** Finds the command that owns a 1:1 text and runs it; null when no command understands it. */
export async function routeText(
  ctx: BotContext,
  input: { userId: string; text: string },
): Promise<LineMessage[] | null> {
  const text = normalizeText(input.text);
  for (const command of commands) {
    if (!command.matches(text)) continue;
    if (command.slow) await ctx.line.showLoading(input.userId).catch(() => undefined);
    const answer = await command.handle(ctx, { ...input, text });
    if (answer) return answer;
  }
  return null;
}
