/** Bindings and variables the Worker is deployed with (see wrangler.toml and README "Configuration"). */
export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Complaint evidence (photos, PDFs), copied from LINE as soon as it arrives. */
  EVIDENCE: R2Bucket;
  /** Base URL of the Messaging API (api.line.me, or the local LINE platform in development). */
  LINE_API_BASE: string;
  /** Base URL of the Messaging API's content host (api-data.line.me). */
  LINE_DATA_API_BASE: string;
  /** Current data-encryption key: base64 of 32 random bytes. A Worker secret. */
  DATA_KEY: string;
  /** Previous key(s), comma-separated, kept only while rotating. Optional Worker secret. */
  DATA_KEY_PREVIOUS?: string;
  /** Public origin of this Worker (LIFF pages and API), for links the bot sends. No trailing slash. */
  APP_ORIGIN: string;
  /**
   * "liff": links open the organisation's LIFF app in LINE, on its host (liff.line.me, or miniapp.line.me
   * for a LINE MINI App); anything else: APP_ORIGIN.
   */
  LIFF_URL_MODE?: string;
  /** LINE Login's published keys (JWKS) that LIFF ID tokens are verified against; the local platform's in dev and tests. */
  LINE_LOGIN_JWKS_URL: string;
  /**
   * Development only (set by `npm start`, never in wrangler.toml): the local LINE platform's origin,
   * which plays LINE Login and the chat for LIFF pages. Unset, /api/dev/line-platform answers 404.
   */
  DEV_LINE_PLATFORM_URL?: string;
}
