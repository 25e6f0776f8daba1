/**
 * The message the LIFF form sends as the person after a filing (liff.sendMessages), which the bot
 * answers with the receipt card: shared by the page that writes it and the bot that reads it.
 */
export const RECEIPT_REQUEST = 'ขอใบรับเรื่อง';

/** "ขอใบรับเรื่อง K7QM-4R9P". */
export const receiptRequestText = (code: string) => `${RECEIPT_REQUEST} ${code}`;

const PATTERN = new RegExp(`^${RECEIPT_REQUEST}\\s+(?<code>\\S.*)$`);

/** What follows the words in a receipt request (the code as sent or typed), or null when it is not one. */
export function receiptRequestCode(text: string): string | null {
  return PATTERN.exec(text.trim())?.groups?.code ?? null;
}
