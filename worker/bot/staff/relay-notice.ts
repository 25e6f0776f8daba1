import { keyringFromEnv } from '../../crypto/keyring';
import { LineApiError } from '../../line/gateway';
import { canRead } from '../../cases/case-machine';
import { type CaseRecord, getCase } from '../../cases/cases-data';
import { getStaff, staffLineIds, staffWithRole } from '../../staff/staff-data';
import { mayStaff } from '../../cases/case-audience';
import { pushToStaff } from '../../notices/staff-push';
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
  // A corruption tip whose asker and owner may no longer see it (they recused, or are kept out): the
  // integrity officers who may, so the complainant's words do not wait unread.
  if (fresh?.track === 'corruption') {
    const keyring = await keyringFromEnv(ctx.env);
    const others = (await staffWithRole(ctx.db, ctx.org.id, 'integrity')).filter((s) =>
      mayStaff(fresh, s, 'notify'),
    );
    const messages = [{ type: 'text' as const, text: args.lead(fresh) }, caseCard(fresh, cardLinks({ ctx }))];
    const key = args.retryKey ?? `relay:${ctx.org.id}:${fresh.id}:${crypto.randomUUID()}`;
    if (
      others.length > 0 &&
      (await pushToStaff(
        { db: ctx.db, keyring, line: ctx.line },
        ctx.org.id,
        others.map((s) => s.id),
        messages,
        key,
      )) > 0
    )
      return true;
  }
  console.warn('complainant message has nobody to forward to', { org: ctx.org.slug, caseId: args.caseId });
  return false;
}
