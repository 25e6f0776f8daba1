import type { Db } from '../db/client';
import { LineApiError } from '../line/gateway';

// What becomes of a claimed staff_notices row (see new-case-notices.ts).

const MAX_ATTEMPTS = 8;
// A notice LINE refused for the month's quota is tried again this often (a refused push costs nothing).
const HOLD_RETRY_MS = 60 * 60_000;

/** Is this LINE's refusal for the month's message quota (nothing goes out until it turns)? */
export const isQuotaRefusal = (error: unknown) => error instanceof LineApiError && error.quotaExhausted;

/** Held, not failed: the claim's attempt is given back, so a month of refusals never makes it dead. */
export async function holdNotice(db: Db, id: number, now: number) {
  await db.$client
    .prepare(
      `update staff_notices set attempts = attempts - 1, held_since = coalesce(held_since, ?),
         next_attempt_at = ?, last_error = 'monthly message quota used up' where id = ?`,
    )
    .bind(now, now + HOLD_RETRY_MS, id)
    .run();
}

/** Held until the next digest time. */
export async function scheduleDigest(db: Db, id: number, at: number) {
  await db.$client
    .prepare(`update staff_notices set route = 'digest', attempts = 0, next_attempt_at = ? where id = ?`)
    .bind(at, id)
    .run();
}

/** Done: sent (to `recipients` chats) or not worth sending. */
export async function finishNotice(
  db: Db,
  id: number,
  status: 'sent' | 'skipped',
  route: string | null,
  recipients: number,
  now: number,
) {
  await db.$client
    .prepare(
      `update staff_notices set status = ?, route = ?, recipients = ?, sent_at = ?, last_error = null,
         held_since = null where id = ?`,
    )
    .bind(status, route, recipients, now, id)
    .run();
}

/** Failed: retried with back-off, `dead` after MAX_ATTEMPTS. */
export async function failNotice(
  db: Db,
  notice: { id: number; attempts: number },
  error: unknown,
  now: number,
) {
  console.error('staff notice failed', { id: notice.id, attempt: notice.attempts, error: String(error) });
  const dead = notice.attempts >= MAX_ATTEMPTS;
  await db.$client
    .prepare('update staff_notices set status = ?, last_error = ?, next_attempt_at = ? where id = ?')
    .bind(
      dead ? 'dead' : 'pending',
      String((error as Error)?.message ?? error).slice(0, 500),
      now + 30_000 * 2 ** notice.attempts,
      notice.id,
    )
    .run();
}
