/**
 * The hosts LINE opens a LIFF app's links on: `liff.line.me` for a LIFF app of a LINE Login channel,
 * `miniapp.line.me` for a LINE MINI App (LINE's recommendation for new LIFF apps).
 */
export const liffHosts = ['liff.line.me', 'miniapp.line.me'] as const;
export type LiffHost = (typeof liffHosts)[number];

/** The LIFF id's shape: `<LINE Login channel id>-<suffix>` (the ID tokens' audience is that channel id). */
export const LIFF_ID = /^\d+-[A-Za-z0-9]+$/;

/** An organisation's LIFF app (a LINE MINI App is one too): its id and the host its links open on. */
export interface LiffApp {
  id: string;
  host: LiffHost;
}
