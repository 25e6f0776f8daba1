import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bangkokTime } from '../../../lib/thai-date';
import { infoClosedText, lockedText, notFoundText } from '../../../lib/texts/tracking-texts';
import type { ErrorBody } from '../../../schema/contracts/error';
import { complaintLimits } from '../../../schema/contracts/complaint-rules';
import {
  type ErasureDone,
  type MyDataView,
  type TrackedCaseList,
  trackAnswerRequest,
  INFO_PHOTOS_MAX,
  trackInfoRequest,
  trackOpenRequest,
} from '../../../schema/contracts/tracking';
import { addInfoFromLiff } from './track-info';
import { limitBody } from '../middleware/body-limit';
import { tellAsker } from '../../bot/staff/relay-notice';
import { lineForOrg } from '../../orgs/org-line';
import {
  answerQuestion,
  caseByPin,
  caseForInfo,
  ownCaseByCode,
  ownCases,
  type TrackDeps,
} from '../../cases/tracking/track-cases';
import { toSummary } from '../../cases/tracking/tracking-data';
import { type MyDataDeps, myData, requestErasure } from '../../cases/my-data';
import { myDataExport, myDataFileName } from '../../cases/my-data-export';
import { readTypedCode } from '../../cases/tracking/typed-code';
import { AppError } from '../../errors';
import type { AppEnv } from '../app-env';
import { validate } from '../middleware/validate';
import { requireLiffUser } from '../middleware/liff-user';

/** The LIFF tracker lists this many of one's cases (the chat's carousel shows 12). */
const LIST_MAX = 100;

// Every answer about a case, errors included, is private to this moment: never stored by a cache.
const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
});

async function deps(c: {
  var: Pick<AppEnv['Variables'], 'db' | 'keyring' | 'now'> & { org: { id: number; slug: string } };
}): Promise<TrackDeps> {
  return {
    db: c.var.db,
    keyring: await c.var.keyring(),
    orgId: c.var.org.id,
    now: c.var.now,
    // After photos on the page load from this worker, by a link signed for an hour.
    photos: { orgSlug: c.var.org.slug, origin: '' },
  };
}

const refused = () => new AppError('not_found', notFoundText);

const myDataDeps = async (
  c: Parameters<typeof deps>[0] & { env: AppEnv['Bindings'] },
): Promise<MyDataDeps> => ({
  ...(await deps(c)),
  bucket: c.env.EVIDENCE,
});

// Three 10 MB photos as base64, 2,000 Thai characters escaped as \uXXXX, a PIN and the JSON around them.
const INFO_MAX_BODY_BYTES = INFO_PHOTOS_MAX * Math.ceil(complaintLimits.imageMaxBytes / 3) * 4 + 16 * 1024;

const lockedAnswer = (until: number): ErrorBody => ({
  error: { code: 'locked', message: lockedText(bangkokTime(until)), details: { until } },
});

/**
 * The complainant's tracker, mounted at /api/orgs/:org/track, every route behind a verified LIFF ID
 * token (the person is `c.var.liffUser`, nothing in the request): GET / (own cases), GET /my-data, its
 * file GET /my-data/export and POST /my-data/erasure (docs/privacy.md), GET /:code (one
 * own case), POST /open { code, pin } (an anonymous case; the PIN never travels in a URL), POST
 * /:code/answer { answer } (the open question asked of this person, as the chat relay records it), POST
 * /:code/info { text, pin? } ("ส่งข้อมูลเพิ่มเติม", the chat's domain function; an anonymous case needs
 * its PIN again). Every
 * refusal is the same 404; a lock is 429 with the time it ends. Rules: docs/tracking.md.
 */
export const track = new Hono<AppEnv>()
  .use(noStore)
  .use(requireLiffUser)
  .get('/', async (c) => {
    const { cases, more } = await ownCases(await deps(c), c.var.liffUser.userId, LIST_MAX);
    return c.json<TrackedCaseList>({ cases: cases.map(toSummary), more });
  })
  // What the organisation holds about this person, and their request to delete it (docs/privacy.md).
  .get('/my-data', async (c) => {
    const { cases, draft } = await myData(await myDataDeps(c), c.var.liffUser.userId);
    return c.json<MyDataView>({ cases: cases.map(({ id: _, status: __, ...rest }) => rest), draft });
  })
  // The same, in full, as a file to keep; the answer is never cached (noStore above).
  .get('/my-data/export', async (c) => {
    const d = { ...(await myDataDeps(c)), orgName: c.var.org.name };
    const file = await myDataExport(d, c.var.liffUser.userId);
    return c.body(JSON.stringify(file, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${myDataFileName(c.var.org.slug, d.now)}"`,
    });
  })
  .post('/my-data/erasure', async (c) =>
    c.json<ErasureDone>(await requestErasure(await myDataDeps(c), c.var.liffUser.userId)),
  )
  .get('/:code', async (c) => {
    const code = readTypedCode(c.req.param('code'));
    const found = code ? await ownCaseByCode(await deps(c), c.var.liffUser.userId, code) : null;
    if (!found) throw refused();
    return c.json(found);
  })
  .post('/open', validate('json', trackOpenRequest), async (c) => {
    const body = c.req.valid('json');
    const d = await deps(c);
    const code = readTypedCode(body.code);
    // A code that cannot be one is refused like any other, but costs no try: it was never looked up.
    if (!code) throw refused();
    const result = await caseByPin(d, c.var.liffUser.userId, code, body.pin);
    if (result.ok) return c.json(result.detail);
    if (result.lockedUntil) return c.json<ErrorBody>(lockedAnswer(result.lockedUntil), 429);
    throw refused();
  })
  .post(
    '/:code/info',
    limitBody(INFO_MAX_BODY_BYTES, 'ข้อมูลที่ส่งมายาวเกินไป'),
    validate('json', trackInfoRequest),
    async (c) => {
      const body = c.req.valid('json');
      const d = await deps(c);
      const code = readTypedCode(c.req.param('code'));
      if (!code) throw refused();
      const access = await caseForInfo(d, c.var.liffUser.userId, code, body.pin);
      if (!access.ok) {
        if (access.lockedUntil) return c.json<ErrorBody>(lockedAnswer(access.lockedUntil), 429);
        throw refused();
      }
      if (!access.open) throw new AppError('conflict', infoClosedText(access.code));
      const target = await lineForOrg(c.env, d.db, d.keyring, d.orgId, () => d.now);
      if (!target) throw refused();
      const message = await addInfoFromLiff(c.env, { ...d, target }, access, body);
      return c.json({ message }, 201);
    },
  )
  .post('/:code/answer', validate('json', trackAnswerRequest), async (c) => {
    const { answer } = c.req.valid('json');
    const d = await deps(c);
    const code = readTypedCode(c.req.param('code'));
    const done = code ? await answerQuestion(d, c.var.liffUser.userId, code, answer) : null;
    if (!done) throw new AppError('not_found', 'ไม่มีคำถามที่รอคำตอบจากท่านในเรื่องนี้');
    // The asker hears it as from the chat: the case and the answer, never who sent it.
    const target = await lineForOrg(c.env, d.db, d.keyring, d.orgId);
    if (target) {
      await tellAsker(
        { env: c.env, db: d.db, org: target.org, liff: target.liff, line: target.line, now: () => d.now },
        {
          caseId: done.case.id,
          askedBy: done.askedBy,
          lead: (fresh) => `ผู้ร้องเรียนตอบกลับเรื่อง ${fresh.code}:\n\n${answer.slice(0, 4000)}`,
        },
      ).catch((error) => console.warn('answer relay failed', { orgId: d.orgId, error: String(error) }));
    }
    return c.body(null, 204);
  });
