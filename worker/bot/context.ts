import type { Db } from '../db/client';
import type { Env } from '../env';
import type { LineGateway } from '../line/gateway';
import type { Organization } from '../orgs/data';

/** Everything a handler needs to act on one webhook event for one organisation. */
export interface BotContext {
  env: Env;
  db: Db;
  org: Organization;
  line: LineGateway;
  /** The LIFF app id of the organisation's channel (null when none), read with the organisation. */
  liffId: string | null;
  now: () => number;
}
