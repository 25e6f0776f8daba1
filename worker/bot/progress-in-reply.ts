import type { LineGateway } from '../line/gateway';
import type { BotContext } from './context';
import type { WaitingNotice } from './person-lookup';

// LINE takes at most 5 message objects in one reply.
const PER_REPLY = 5;

/**
 * The context of one event whose reply also carries the sender's waiting notices (free, where noon's or
 * the merge window's push would be billed). They ride after the handler's own messages where room is left; those
 * that went out are marked sent, the others wait for the push. Only the first reply of the event carries them.
 */
export function withProgressInReply(ctx: BotContext, waiting: WaitingNotice[]): BotContext {
  if (waiting.length === 0) return ctx;
  let pending = waiting;
  const reply: LineGateway['reply'] = async (token, messages) => {
    const room = pending.slice(0, Math.max(0, PER_REPLY - messages.length));
    pending = [];
    const at = ctx.now();
    const riding = await takeForReply(ctx, room, at);
    try {
      return await ctx.line.reply(token, [...messages, ...riding.map((n) => n.message)]);
    } catch (error) {
      // Not delivered: back to the outbox for its push.
      await markSent(ctx, riding, at, false);
      throw error;
    }
  };
  return { ...ctx, line: { ...ctx.line, reply } };
}

/**
 * Takes the notices for this reply before it is sent, so the cron cannot push them meanwhile: only
 * those still pending and never tried by the outbox (whose claim counts an attempt) are taken.
 */
async function takeForReply(ctx: BotContext, room: WaitingNotice[], at: number): Promise<WaitingNotice[]> {
  const taken = new Set(await markSent(ctx, room, at, true));
  return room.filter((n) => taken.has(n.id));
}

async function markSent(
  ctx: BotContext,
  notices: WaitingNotice[],
  at: number,
  sent: boolean,
): Promise<number[]> {
  if (notices.length === 0) return [];
  const ids = notices.map((n) => n.id);
  const { results } = await ctx.db.$client
    .prepare(
      sent
        ? `update complainant_notices set status = 'sent', sent_at = ?, last_error = null
           where id in (${ids.map(() => '?').join(',')}) and status = 'pending' and attempts = 0 returning id`
        : `update complainant_notices set status = 'pending', sent_at = null
           where id in (${ids.map(() => '?').join(',')}) and status = 'sent' and sent_at = ? returning id`,
    )
    .bind(...(sent ? [at, ...ids] : [...ids, at]))
    .all<{ id: number }>();
  return results.map((r) => r.id);
}
