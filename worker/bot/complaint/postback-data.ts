import type { ComplaintTrack } from '../../../schema/contracts/complaint';

/**
 * Postback data of the complaint flow's buttons: `cf1|<action>|<draftId>|<version>|<arg>` (≤ 300
 * characters, LINE's limit). Never trusted: the handler re-checks organisation, owner, state, step and
 * version of the draft it names before acting.
 */
export const postbackActions = [
  'track',
  'cat',
  'skip',
  'back',
  'cancel',
  'keep',
  'done',
  'confirm',
  'id',
  'consent',
  'edit',
  'date',
  'resume',
  'restart',
  'role',
  'unit',
  'offer',
] as const;
export type PostbackAction = (typeof postbackActions)[number];

export interface FlowPostback {
  action: PostbackAction;
  draftId: string;
  version: number;
  arg: string;
}

const PREFIX = 'cf1';

/** Encodes a button's postback data. */
export function encodePostback(action: PostbackAction, draftId: string, version: number, arg = ''): string {
  return [PREFIX, action, draftId, version, arg].join('|');
}

/** Decodes postback data of this flow; null for anything else (another feature's button, or junk). */
export function parsePostback(data: string): FlowPostback | null {
  if (data.length > 300) return null;
  const [prefix, action, draftId, version, arg = ''] = data.split('|');
  if (prefix !== PREFIX || !action || !(postbackActions as readonly string[]).includes(action)) return null;
  if (!draftId || !/^[a-z2-7]{26}$/.test(draftId) || !/^\d{1,9}$/.test(version ?? '')) return null;
  if (!/^[a-z0-9_]{0,40}$/.test(arg)) return null;
  return { action: action as PostbackAction, draftId, version: Number(version), arg };
}

/** Track codes used in button data. */
export const trackArg: Record<ComplaintTrack, string> = { corruption: 'c', grievance: 'g' };

/** The track a button argument names, or undefined. */
export function trackFromArg(arg: string): ComplaintTrack | undefined {
  return arg === 'c' ? 'corruption' : arg === 'g' ? 'grievance' : undefined;
}
