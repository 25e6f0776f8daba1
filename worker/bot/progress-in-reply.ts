import type { LineGateway } from '../line/gateway';
import type { BotContext } from './context';
import type { WaitingNotice } from './person-lookup';

// LINE takes at most 5 message objects in one reply.
const PER_REPLY = 5;

/**
 * The context of one event whose reply also carries the sender's waiting progress notices (free, where
 * noon's push would be billed). They ride after the handler's own messages where room is left; those
 * that went out are marked sent, the others wait for the push. Only the first reply of the event carries them.
 */
export function withProgressInReply(ctx: BotContext, waiting: WaitingNotice[]): BotContext {
  if (waiting.length === 0) return ctx;
  let pending = waiting;
  const reply: LineGateway['reply'] = async (token, messages) => {
    const riding = pending.slice(0, Math.max(0, PER_REPLY - messages.length));
    pending = [];
    const result = await ctx.line.reply(token, [...messages, ...riding.map((n) => n.message)]);
    if (riding.length > 0) {
      await ctx.db.$client
        .prepare(
          `update complainant_notices set status = 'sent', sent_at = ?, last_error = null
           where id in (${riding.map(() => '?').join(',')}) and status = 'pending'`,
        )
        .bind(ctx.now(), ...riding.map((n) => n.id))
        .run();
    }
    return result;
  };
  return { ...ctx, line: { ...ctx.line, reply } };
}
