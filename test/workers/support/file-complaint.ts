import type { Person } from './complaint';
import { resident, toSummary } from './complaint-steps';
import { firstRow } from './db';
import type { SentMessage } from './line';

/** The tracking code in the bot's receipt ("เลขรับเรื่อง XXXX-XXXX"). */
export const RECEIPT_CODE = /เลขรับเรื่อง ([A-Z0-9]{4}-[A-Z0-9]{4})/;

/** The tracking code of a receipt: the alt text of the first message the bot answered a confirmation with. */
export const receiptCode = (receipt: SentMessage[]): string =>
  RECEIPT_CODE.exec(receipt[0]!.message.altText)![1]!;

/** A complaint's id by tracking code. */
export async function complaintIdOf(code: string): Promise<number> {
  return (await firstRow<{ id: number }>('select id from complaints where code = ?', code))!.id;
}

/** Confirms the summary a person is at; the complaint's tracking code. */
export async function confirmComplaint(p: Person): Promise<string> {
  return receiptCode(await p.tap('ยืนยันส่งเรื่อง'));
}

/**
 * A new resident files a complaint through the chat (a street-light grievance, or an anonymous bribery
 * report: see toSummary): the resident, its tracking code and the complaint's id.
 */
export async function fileComplaint(slug: string, track: 'grievance' | 'corruption' = 'grievance') {
  const p = resident(slug);
  await toSummary(p, track);
  const code = await confirmComplaint(p);
  return { p, code, id: await complaintIdOf(code) };
}
