import type { Db } from '../db/client';
import type { Env } from '../env';
import type { LineGateway } from '../line/gateway';
import type { Organization } from '../orgs/data';
import type { LiffApp } from '../../schema/contracts/liff-app';

/** Everything a handler needs to act on one webhook event for one organisation. */
export interface BotContext {
  env: Env;
  db: Db;
  org: Organization;
  line: LineGateway;
  /** The organisation's LIFF app (null when none), read with the organisation. */
  liff: LiffApp | null;
  now: () => number;
}
