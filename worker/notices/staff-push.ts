import { uuidFrom } from '../line/retry-key';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { LineApiError, type LineGateway, type LineMessage } from '../line/gateway';
import { staffLineIds } from '../staff/staff-data';

/**
 * Sends messages 1:1 to staff members (one multicast for several): their sealed LINE ids are opened
 * here and nowhere else. `key` names the notice: LINE's retry key is derived from it, so a notice
 * sent again after a crash or a redelivered webhook is not delivered (nor billed) twice. Returns how
 * many people it reached (LINE bills each); throws what LINE refused.
 */
export async function pushToStaff(
  deps: { db: Db; keyring: Keyring; line: Pick<LineGateway, 'push' | 'multicast'> },
  orgId: number,
  staffIds: number[],
  messages: LineMessage[],
  key: string,
): Promise<number> {
  const to = (await staffLineIds(deps.db, deps.keyring, orgId, staffIds)).map((p) => p.lineUserId);
  if (to.length === 0) return 0;
  const retryKey = await uuidFrom(key);
  try {
    if (to.length === 1) await deps.line.push(to[0]!, messages, retryKey);
    else await deps.line.multicast(to, messages, retryKey);
  } catch (error) {
    // 409: accepted before under this retry key; it went out.
    if (!(error instanceof LineApiError && error.status === 409)) throw error;
  }
  return to.length;
}
