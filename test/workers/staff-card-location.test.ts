import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { caseCard } from '../../worker/cases/cards/case-card';
import { getCase } from '../../worker/cases/cases-data';
import { createDb } from '../../worker/db/client';
import { useOrg } from '../fixtures/demo-org';
import { fileFormGrievance } from './support/case-lifecycle';
import { execute } from './support/db';

// Staff go to the place: a pinned location on the staff card opens the map app, not bare coordinates.
const org = useOrg('mueang-chan');
const links = { env: { APP_ORIGIN: 'https://example.test' }, orgSlug: org.slug, liff: null };

describe('the staff card and a reported location', () => {
  it('links a pinned location to the map; a case without one has no map link', async () => {
    const pinned = await fileFormGrievance(org);
    await execute(
      'update complaints set latitude = ?, longitude = ? where id = ?',
      15.1186,
      104.3277,
      pinned.id,
    );
    const db = createDb(env.DB);
    const card = JSON.stringify(caseCard((await getCase(db, org.id, pinned.id))!, links));
    expect(card).toContain('https://www.google.com/maps/search/?api=1&query=15.1186,104.3277');
    expect(card).toContain('เปิดแผนที่ตำแหน่งที่แจ้ง');

    const unpinned = await fileFormGrievance(org);
    await execute('update complaints set latitude = null, longitude = null where id = ?', unpinned.id);
    expect(JSON.stringify(caseCard((await getCase(db, org.id, unpinned.id))!, links))).not.toContain('maps');
  });
});
