import { BANGKOK_OFFSET_MS } from '../../lib/thai-date';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The next digest time strictly after `now`: `times` are Bangkok wall-clock times ("08:30,13:30");
 * Thailand has no daylight saving, so a fixed offset is exact. Malformed entries are ignored; with
 * none left, the digest goes out at 08:30.
 */
export function nextDigestAt(now: number, times: string): number {
  const minutes = times
    .split(',')
    .map((t) => /^\s*(\d{1,2}):(\d{2})\s*$/.exec(t))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) < 24 && Number(m[2]) < 60)
    .map((m) => Number(m[1]) * 60 + Number(m[2]));
  const slots = minutes.length > 0 ? minutes : [8 * 60 + 30];
  // Midnight of today in Bangkok, as an instant.
  const local = now + BANGKOK_OFFSET_MS;
  const midnight = local - (local % DAY_MS) - BANGKOK_OFFSET_MS;
  const candidates = [0, 1].flatMap((day) => slots.map((m) => midnight + day * DAY_MS + m * 60_000));
  return Math.min(...candidates.filter((t) => t > now));
}
