import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, afterFailure } from '../../worker/inbox/retry-policy';

describe('afterFailure', () => {
  const now = 1_000_000;
  it.each([
    [1, now + 15_000],
    [2, now + 60_000],
    [3, now + 300_000],
    [7, now + 6 * 3_600_000],
  ])('attempt %i retries at %i', (attempts, at) => {
    expect(afterFailure(attempts, now)).toEqual({ status: 'pending', nextAttemptAt: at });
  });

  it('gives up after the last attempt', () => {
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'dead' });
    expect(afterFailure(MAX_ATTEMPTS + 3, now)).toEqual({ status: 'dead' });
  });

  it('always backs off further', () => {
    let last = 0;
    for (let a = 1; a < MAX_ATTEMPTS; a++) {
      const next = afterFailure(a, now);
      if (next.status !== 'pending') throw new Error('should retry');
      expect(next.nextAttemptAt).toBeGreaterThan(last);
      last = next.nextAttemptAt;
    }
  });
});
