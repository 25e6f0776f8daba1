import type { LiffIdentity } from '../auth/liff-id-token';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { Env } from '../env';
import type { Organization, SealedChannel } from '../orgs/data';

/** Per-request values set by middleware (worker/http/middleware/): present on the routes behind it. */
export interface AppVariables {
  /** This request's database handle (worker/http/middleware/request-context.ts), on every route. */
  db: Db;
  /** The data keyring, imported on first use only: public plan reads never need it. */
  keyring: () => Promise<Keyring>;
  /** The request's clock (ms since the epoch), read once when it arrived. */
  now: number;
  /** The person using a LIFF page, from a verified ID token (never from the request body). */
  liffUser: LiffIdentity;
  /** The organisation of the `:org` route parameter, and its sealed LINE channel. */
  org: Organization;
  channel: SealedChannel;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
