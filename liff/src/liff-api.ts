/** The part of the LIFF SDK the pages use: LINE's SDK in production, the dev login (./liff-dev.ts) locally. */
export interface LiffApi {
  isLoggedIn(): boolean;
  login(config?: { redirectUri?: string }): void;
  getIDToken(): string | null;
  isInClient(): boolean;
  getContext(): { type: string } | null;
  closeWindow(): void;
  sendMessages(messages: { type: 'text'; text: string }[]): Promise<void>;
}

/** LINE login is not available on this page (no LIFF app, or the SDK could not start). */
export class LiffUnavailable extends Error {}
