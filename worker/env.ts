/** Bindings and variables the Worker is deployed with (see wrangler.toml and README "Configuration"). */
export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Base URL of the Messaging API (api.line.me, or the local LINE platform in development). */
  LINE_API_BASE: string;
  /** Base URL of the Messaging API's content host (api-data.line.me). */
  LINE_DATA_API_BASE: string;
  /** Current data-encryption key: base64 of 32 random bytes. A Worker secret. */
  DATA_KEY: string;
  /** Previous key(s), comma-separated, kept only while rotating. Optional Worker secret. */
  DATA_KEY_PREVIOUS?: string;
}

export type AppEnv = { Bindings: Env };
