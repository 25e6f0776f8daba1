import type { LiffIdentity } from '../auth/liff-id-token';
import type { Env } from '../env';
import type { Organization, SealedChannel } from '../orgs/data';

/** Per-request values set by middleware (worker/http/middleware/liff-user.ts); present only on routes behind it. */
export interface AppVariables {
  /** The person using a LIFF page, from a verified ID token (never from the request body). */
  liffUser: LiffIdentity;
  /** The organisation of the `:org` route parameter, and its sealed LINE channel. */
  org: Organization;
  channel: SealedChannel;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
