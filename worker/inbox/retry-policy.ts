/** How long a claimed event may run before another worker may take it over (the isolate may have died). */
export const LEASE_MS = 60_000;

/** After this many failed attempts an event is parked as `dead` for an operator to look at. */
export const MAX_ATTEMPTS = 8;

const BACKOFF_MS = [15_000, 60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 6 * 60 * 60_000];

/**
 * What to do with an event whose processing just failed for the `attempts`-th time (1-based):
 * retry at a later time, or give up.
 */
export function afterFailure(
  attempts: number,
  now: number,
):
  | { status: 'pending'; nextAttemptAt: number }
  | {
      status: 'dead';
    } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'dead' };
  const delay = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? LEASE_MS;
  return { status: 'pending', nextAttemptAt: now + delay };
}
