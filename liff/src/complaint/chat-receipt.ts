import type { ComplaintReceipt } from '../../../schema/contracts/complaint-api';
import type { IdentityMode } from '../../../schema/contracts/complaint-rules';
import { receiptRequestText } from '../../../lib/texts/receipt-request';
import { sendTextAsUser } from '../liff-auth';

/**
 * After a filing inside LINE, sends "ขอใบรับเรื่อง <code>" as the person into their chat with the
 * organisation (liff.sendMessages: free, no push), which the bot answers with the receipt card, so the
 * code stays in the chat after the page closes. Never for an anonymous filing: the message would tie the
 * person's LINE account to the case in the webhook, and an anonymous case is never linked to an account;
 * its code and PIN stay on the page only. True when the message was sent.
 */
export async function receiptToChat(mode: IdentityMode, receipt: ComplaintReceipt): Promise<boolean> {
  if (mode === 'anonymous' || receipt.pin !== undefined) return false;
  try {
    return await sendTextAsUser(receiptRequestText(receipt.code));
  } catch {
    // Not sent (no chat_message.write scope, LINE refused): the receipt is on the page all the same.
    return false;
  }
}
