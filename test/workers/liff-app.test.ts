import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { caseCard } from '../../worker/cases/cards/case-card';
import { getCase } from '../../worker/cases/cases-data';
import { keyringFromEnv } from '../../worker/crypto/keyring';
import { createDb } from '../../worker/db/client';
import { liffAppOf, liffUrl } from '../../worker/line/liff-url';
import { forgetCachedOrg } from '../../worker/orgs/cache';
import { getOrgWithChannel } from '../../worker/orgs/data';
import { lineForOrg } from '../../worker/orgs/org-line';
import { liffAppStatements } from '../../worker/orgs/provision';
import { useOrg } from '../fixtures/demo-org';
import { fileFormGrievance } from './support/case-lifecycle';
import { actionsIn } from './support/complaint';
import { resident } from './support/complaint-steps';
import { allRows, runBatch } from './support/db';
import { testEnv } from './support/worker';

// LINE MINI App readiness: an organisation's LIFF app is configuration, its id and the host its links
// open on (liff.line.me, or miniapp.line.me for a LINE MINI App).
const org = useOrg('lampang');
const inLine = { APP_ORIGIN: 'https://integrity.example', LIFF_URL_MODE: 'liff' };

describe('the organisation’s LIFF app', () => {
  it('builds links on the app’s own host, or on the Worker’s origin outside LINE', () => {
    const path = 'o/lampang/track';
    expect(liffUrl(inLine, { id: '2001-abc', host: 'liff.line.me' }, path)).toBe(
      'https://liff.line.me/2001-abc/o/lampang/track',
    );
    expect(liffUrl(inLine, { id: '2001-abc', host: 'miniapp.line.me' }, `/${path}`)).toBe(
      'https://miniapp.line.me/2001-abc/o/lampang/track',
    );
    expect(liffUrl(inLine, null, path)).toBe('https://integrity.example/o/lampang/track');
    const web = { APP_ORIGIN: 'https://integrity.example/', LIFF_URL_MODE: 'web' };
    expect(liffUrl(web, { id: '2001-abc', host: 'miniapp.line.me' }, path)).toBe(
      'https://integrity.example/o/lampang/track',
    );
    expect(liffAppOf({ liffId: null, liffHost: 'miniapp.line.me' })).toBeNull();
  });

  it('is a LIFF app on liff.line.me unless configured otherwise', async () => {
    const found = await getOrgWithChannel(createDb(env.DB), org.id);
    expect(liffAppOf(found!.channel)).toEqual({ id: org.liffId, host: 'liff.line.me' });
  });

  it('moves to a LINE MINI App’s published id and host without touching the credentials; links follow', async () => {
    const db = createDb(env.DB);
    // Filed first: the form's ID tokens name the LIFF app's LINE Login channel, which changes below.
    const filed = await fileFormGrievance(org);
    const before = await getOrgWithChannel(db, org.id);
    await runBatch(
      liffAppStatements(org.slug, { id: '2009999999-published', host: 'miniapp.line.me' }, Date.now()),
    );
    const after = await getOrgWithChannel(db, org.id);
    expect(after!.channel).toMatchObject({
      liffId: '2009999999-published',
      liffHost: 'miniapp.line.me',
      secretSealed: before!.channel.secretSealed,
      accessTokenSealed: before!.channel.accessTokenSealed,
    });
    const target = await lineForOrg(env, db, await keyringFromEnv(env), org.id);
    expect(target!.liff).toEqual({ id: '2009999999-published', host: 'miniapp.line.me' });

    // A staff card's "details" opens the staff page in the MINI App.
    const card = caseCard((await getCase(db, org.id, filed.id))!, {
      env: inLine,
      orgSlug: org.slug,
      liff: target!.liff,
    });
    expect(JSON.stringify(card)).toContain(
      `https://miniapp.line.me/2009999999-published/o/${org.slug}/staff/cases/${filed.id}`,
    );
    expect(
      await allRows(
        'select action, to_state from events where entity = ? and entity_id = ?',
        'organization',
        org.slug,
      ),
    ).toContainEqual({ action: 'liff_app_set', to_state: 'https://miniapp.line.me/2009999999-published' });

    // The bot's own links, in LINE: the tracked case card of its filer opens in the MINI App (once the
    // webhook's 30-second cache of the organisation has run out: worker/orgs/cache.ts).
    testEnv.LIFF_URL_MODE = 'liff';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    try {
      const card = await resident(org.slug, filed.userId).say(filed.code);
      expect(actionsIn(card).find((a) => a.label === 'ดูรายละเอียด')?.uri).toBe(
        `https://miniapp.line.me/2009999999-published/o/${org.slug}/track/${filed.code}`,
      );
    } finally {
      vi.useRealTimers();
      testEnv.LIFF_URL_MODE = env.LIFF_URL_MODE;
      // The test files share this isolate: none may meet this organisation's changed row in the cache.
      forgetCachedOrg(org.slug);
    }

    // Removed: no LIFF app, links on the Worker's origin.
    await runBatch(liffAppStatements(org.slug, null, Date.now()));
    const none = await getOrgWithChannel(db, org.id);
    expect(liffAppOf(none!.channel)).toBeNull();
  });
});
