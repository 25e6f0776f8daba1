import type liff from '@line/liff/core';

/**
 * The part of LINE's LIFF SDK the pages use, with the SDK's own types (the modules liff-auth.ts installs
 * add these to the core's type): LINE's SDK in production, the dev login (./liff-dev.ts) locally.
 */
export type LiffApi = Pick<
  typeof liff,
  'isLoggedIn' | 'login' | 'getIDToken' | 'isInClient' | 'getContext' | 'closeWindow' | 'sendMessages'
>;

/** LINE login is not available on this page (no LIFF app, or the SDK could not start). */
export class LiffUnavailable extends Error {}
