import { type OrgDetail, orgDetail } from '../../schema/contracts/plan-api';
import { cached, publicApi, read } from './api';

/** An organisation with its active plans and LIFF id (public; read once per page load). */
export function loadOrg(slug: string): Promise<OrgDetail> {
  return cached(`org:${slug}`, () =>
    read(publicApi.api.orgs[':org'].$get({ param: { org: encodeURIComponent(slug) } }), orgDetail),
  );
}
