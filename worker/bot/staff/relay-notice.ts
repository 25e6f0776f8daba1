import { keyringFromEnv } from '../../crypto/keyring';
import { LineApiError } from '../../line/gateway';
import { canRead } from '../../cases/case-machine';
import { type CaseRecord, getCase } from '../../cases/cases-data';
import { getStaff, staffLineIds } from '../../staff/staff-data';
import { uuidFrom } from '../../line/retry-key';
import type { BotContext } from '../context';
import { caseCard } from '../../cases/cards/case-card';
import { cardLinks } from './turn';

/**
 * Tells the staff member who asked the complainant (or else the case's owner), if they may still read
 * the case, what the complainant sent: `lead` and the case card, whose button opens the case in the
 * staff LIFF. One billable push; never the complainant's identity. With `retryKey` a repeated call
 * (a retried event) delivers once. False when nobody could be told (logged without content).
 */
export async function tellAsker(
  ctx: BotContext,
  args: { caseId: number; askedBy: number | null; lead: (c: CaseRecord) => string; retryKey?: string },
): Promise<boolean> {
  const fresh = await getCase(ctx.db, ctx.org.id, args.caseId);
  const candidates = fresh ? [args.askedBy, fresh.assigneeId].filter((id): id is number => id !== null) : [];
  for (const id of candidates) {
    const member = await getStaff(ctx.db, ctx.org.id, id);
    if (!member?.active || !canRead(fresh!, member)) continue;
    const [target] = await staffLineIds(ctx.db, await keyringFromEnv(ctx.env), ctx.org.id, [id]);
    if (!target) continue;
    const messages = [
      { type: 'text' as const, text: args.lead(fresh!) },
      caseCard(fresh!, cardLinks({ ctx })),
    ];
    try {
      await ctx.line.push(
        target.lineUserId,
        messages,
        args.retryKey ? await uuidFrom(args.retryKey) : undefined,
      );
    } catch (error) {
      // 409: this retry key went out before (the event is being retried after a later failure).
      if (!(error instanceof LineApiError && error.status === 409)) throw error;
    }
    return true;
  }
  console.warn('complainant message has nobody to forward to', { org: ctx.org.slug, caseId: args.caseId });
  return false;
}
