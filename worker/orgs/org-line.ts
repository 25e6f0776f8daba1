import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { createLineGateway, type LineGateway } from '../line/gateway';
import { liffAppOf } from '../line/liff-url';
import { openAccessToken } from './credentials';
import { getOrgWithChannel, type Organization } from './data';
import type { LiffApp } from '../../schema/contracts/liff-app';

/** An organisation with a LINE gateway of its own, for work outside a webhook (cron, API requests). */
export interface OrgLine {
  org: Organization;
  liff: LiffApp | null;
  line: LineGateway;
}

/** The organisation and a gateway with its opened access token; null when it or its channel is gone. */
export async function lineForOrg(
  env: Env,
  db: Db,
  keyring: Keyring,
  orgId: number,
  now: () => number = Date.now,
): Promise<OrgLine | null> {
  const found = await getOrgWithChannel(db, orgId);
  if (!found) return null;
  const accessToken = await openAccessToken(keyring, orgId, found.channel.accessTokenSealed);
  const line = createLineGateway({
    db,
    orgId,
    accessToken,
    apiBase: env.LINE_API_BASE,
    dataApiBase: env.LINE_DATA_API_BASE,
    now,
  });
  return { org: found.org, liff: liffAppOf(found.channel), line };
}
