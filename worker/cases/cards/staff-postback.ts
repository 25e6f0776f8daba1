/**
 * Postback data of the staff buttons: `sa1|<action>|<caseId>|<version>|<arg>` (well under LINE's 300
 * characters). Never trusted: the handler re-reads the staff member, the organisation's case, its
 * state and version before acting. The organisation comes from the channel, never from the data.
 */
export const staffButtons = [
  'acc', // accept
  'asg', // assign: show choices
  'asgu', // assign to unit <arg>
  'asgs', // assign to staff member <arg>
  'ask', // ask the complainant: type the question
  'upd', // progress update: type it
  'fwd', // forward: choose the body
  'fwdb', // forward to body <arg>: type the reference
  'cls', // close: choose the outcome
  'clso', // close with outcome <arg>: type the summary
  'reo', // reopen
  'esc', // escalate to the executives: type why
  'ins', // an executive's instruction: type it
  'view', // show the card again
  'cancel', // cancel a typing prompt
  'rec', // an integrity officer's recusal (conflict of interest): type why
] as const;
export type StaffButton = (typeof staffButtons)[number];

export interface StaffPostback {
  action: StaffButton;
  caseId: number;
  version: number;
  arg: string;
}

const PREFIX = 'sa1';

/** Encodes a staff button's data. */
export function encodeStaffPostback(action: StaffButton, caseId: number, version: number, arg = ''): string {
  return [PREFIX, action, caseId, version, arg].join('|');
}

/** Decodes staff button data; null for anything else. */
export function parseStaffPostback(data: string): StaffPostback | null {
  if (data.length > 300) return null;
  const [prefix, action, caseId, version, arg = '', ...rest] = data.split('|');
  if (prefix !== PREFIX || rest.length > 0) return null;
  if (!action || !(staffButtons as readonly string[]).includes(action)) return null;
  if (!/^\d{1,12}$/.test(caseId ?? '') || !/^\d{1,9}$/.test(version ?? '')) return null;
  if (!/^[a-z0-9_]{0,40}$/.test(arg)) return null;
  return { action: action as StaffButton, caseId: Number(caseId), version: Number(version), arg };
}

/** True when postback data belongs to the staff buttons (cheap check before any database work). */
export const isStaffPostback = (data: string) => data.startsWith(`${PREFIX}|`);
