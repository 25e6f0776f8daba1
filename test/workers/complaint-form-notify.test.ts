import { describe, expect, it } from 'vitest';
import { useOrg } from '../fixtures/demo-org';
import { anonymousReport, formUser, newKey } from './support/complaint-form';
import { enroll, lastSeq, messagesIn } from './support/staff';

// Each test file has its own D1, so the officer enrolled here is the only integrity officer of Lampang.
const lampang = useOrg('lampang');

describe('a complaint filed in the LIFF form', () => {
  it('reaches the integrity officers at once (no cron), without the reporter identity', async () => {
    const officer = await enroll(lampang.slug, lampang.id, ['integrity']);
    const since = await lastSeq('lampang');
    const user = await formUser('lampang');
    const answer = await user.submit(anonymousReport(newKey()));
    expect(answer.status).toBe(201);
    const got = await messagesIn('lampang', officer.userId, since);
    expect(got).toHaveLength(1);
    expect(got[0]!.via).toBe('push'); // one officer: a push (a multicast when there are several)
    expect(JSON.stringify(got[0]!.message)).toContain((answer.json as { code: string }).code);
    expect(JSON.stringify(got[0]!.message)).not.toContain(user.userId);
  });
});
