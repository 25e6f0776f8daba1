import { receiptRequestCode } from '../../../lib/texts/receipt-request';
import { findOwnReceipt } from '../../complaints/complaints-data';
import { ownerKeys } from '../../complaints/owner-key';
import { readTypedCode } from '../../cases/tracking/typed-code';
import { keyringFromEnv } from '../../crypto/keyring';
import { receiptMessages } from '../complaint/receipt-card';
import type { TextCommand } from './text-command';
import { trackCodeCommand } from './track-case';

/** Is this text the LIFF form's receipt request ("ขอใบรับเรื่อง <code>")? Never an answer to anything. */
export const isReceiptRequest = (text: string) => receiptRequestCode(text) !== null;

/**
 * "ขอใบรับเรื่อง <code>": what the LIFF complaint form sends as the person after filing an identified or
 * confidential case from inside LINE (liff.sendMessages; never for anonymous filings). The case's owner
 * (its complaint_owners key, as the tracker checks it) gets the receipt card in the reply, so the code
 * stays in the chat; anyone else gets what a typed tracking code gets (the PIN question), so the words
 * reveal nothing. docs/liff-form.md, "Receipt in the chat".
 */
export const liffReceiptCommand: TextCommand = {
  name: 'liff-receipt',
  matches: isReceiptRequest,
  handle: async (ctx, input) => {
    const code = readTypedCode(receiptRequestCode(input.text) ?? '');
    if (!code) return null;
    const keyring = await keyringFromEnv(ctx.env);
    const keys = await ownerKeys(keyring, ctx.org.id, input.userId);
    const receipt = await findOwnReceipt(ctx.db, { orgId: ctx.org.id, code, ownerKeys: keys });
    if (receipt) return receiptMessages(receipt, undefined);
    return trackCodeCommand.handle(ctx, { ...input, text: code });
  },
};
