import type { LineMessage } from '../../line/gateway';
import type { BotContext } from '../context';

/** A text command: decides whether it owns the text, and answers it (null = not mine after all). */
export interface TextCommand {
  name: string;
  matches(text: string): boolean;
  /** Work that may take a while: the gateway shows LINE's loading animation first. */
  slow?: boolean;
  handle(ctx: BotContext, input: { userId: string; text: string }): Promise<LineMessage[] | null>;
}
