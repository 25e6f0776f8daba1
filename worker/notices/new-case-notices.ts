import { noIntegrityLeftText } from '../cases/recusal';
import { caseCard, type CardLinks } from '../cases/cards/case-card';
import { digestCard } from '../cases/cards/case-list-card';
import { uuidFrom } from '../line/retry-key';
import type { Keyring } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { LineApiError, type LineMessage } from '../line/gateway';
import { type CaseRecord, getCase } from '../cases/cases-data';
import { nextDigestAt } from './digest-time';
import { getStaffSettings } from '../staff/settings-data';
import { digestRoute, type NoticeRoute, routeFor } from './notice-recipients';
import type { OrgLine } from '../orgs/org-line';
import { failNotice, finishNotice, holdNotice, isQuotaRefusal, scheduleDigest } from './notice-outcomes';
import { pushToStaff } from './staff-push';

/**
 * Announces new cases to staff from the `staff_notices` outbox (a row is written with every complaint,
 * in the same batch, by submitComplaint). Rows are claimed with a lease, so the chat path, the LIFF
 * path and the cron never send one twice; a push that went out before a crash is not billed twice
 * either (LINE's retry key).
 */
export interface NoticeDeps {
  env: Env;
  db: Db;
  keyring: Keyring;
  now: number;
  /** The organisation's gateway (the webhook's own in chat; a fresh one from cron). */
  lineFor: (orgId: number) => Promise<OrgLine | null>;
}

const LEASE_MS = 60_000;

interface Claimed {
  id: number;
  org_id: number;
  complaint_id: number;
  route: string | null;
  attempts: number;
  held_since: number | null;
}

/** Sends every due notice (optionally only one organisation's, or one complaint's). */
export async function deliverStaffNotices(
  deps: NoticeDeps,
  filter: { orgId?: number; complaintId?: number } = {},
): Promise<void> {
  const { db, now } = deps;
  const where = [
    "status = 'pending'",
    'next_attempt_at <= ?',
    ...(filter.orgId !== undefined ? ['org_id = ?'] : []),
    ...(filter.complaintId !== undefined ? ['complaint_id = ?'] : []),
  ].join(' and ');
  const params = [
    now,
    ...(filter.orgId !== undefined ? [filter.orgId] : []),
    ...(filter.complaintId !== undefined ? [filter.complaintId] : []),
  ];
  const { results } = await db.$client
    .prepare(
      `update staff_notices set attempts = attempts + 1, next_attempt_at = ?
       where id in (select id from staff_notices where ${where} order by id limit 100)
       returning id, org_id, complaint_id, route, attempts, held_since`,
    )
    .bind(now + LEASE_MS, ...params)
    .all<Claimed>();
  const byOrg = new Map<number, Claimed[]>();
  for (const r of results) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  for (const [orgId, claimed] of byOrg) await deliverForOrg(deps, orgId, claimed);
}

async function deliverForOrg(deps: NoticeDeps, orgId: number, claimed: Claimed[]): Promise<void> {
  const { db, now } = deps;
  const target = await deps.lineFor(orgId);
  if (!target) return;
  const settings = await getStaffSettings(db, orgId);
  const links: CardLinks = { env: deps.env, orgSlug: target.org.slug, liff: target.liff };
  const digest: { notice: Claimed; c: CaseRecord }[] = [];
  // After LINE refuses one push for the month's quota, the rest of the batch is held without asking again.
  let quotaUsedUp = false;
  for (const notice of claimed) {
    if (quotaUsedUp) {
      await holdNotice(db, notice.id, now);
      continue;
    }
    try {
      const c = await getCase(db, orgId, notice.complaint_id);
      // A held notice whose case someone has taken meanwhile (LIFF, "เรื่องใหม่") is no longer news.
      if (!c || (notice.held_since !== null && c.status !== 'received')) {
        await finishNotice(db, notice.id, 'skipped', null, 0, now);
        continue;
      }
      const route = await routeFor(db, c, settings);
      if (route.kind === 'digest') {
        if (notice.route === 'digest') digest.push({ notice, c });
        else await scheduleDigest(db, notice.id, nextDigestAt(now, settings.digestTimes));
        continue;
      }
      const title = c.track === 'corruption' ? 'เรื่องร้องเรียนการทุจริตใหม่' : 'เรื่องร้องทุกข์ใหม่';
      const sent = await send(
        deps,
        target,
        route,
        route.kind === 'no_integrity'
          ? [{ type: 'text', text: noIntegrityLeftText }]
          : [caseCard(c, links, title)],
        `notice:${c.orgId}:${c.code}`,
      );
      await finishNotice(db, notice.id, sent > 0 ? 'sent' : 'skipped', route.kind, sent, now);
    } catch (error) {
      quotaUsedUp = isQuotaRefusal(error);
      await (quotaUsedUp ? holdNotice(db, notice.id, now) : failNotice(db, notice, error, now));
    }
  }
  if (digest.length === 0) return;
  try {
    const route = await digestRoute(db, orgId, settings);
    const key = `digest:${orgId}:${digest.map((d) => d.c.code).join(',')}`;
    const sent = await send(
      deps,
      target,
      route,
      [
        digestCard(
          digest.map((d) => d.c),
          links,
          now,
        ),
      ],
      key,
    );
    for (const d of digest)
      await finishNotice(db, d.notice.id, sent > 0 ? 'sent' : 'skipped', 'digest', sent, now);
  } catch (error) {
    const quota = isQuotaRefusal(error);
    for (const d of digest)
      await (quota ? holdNotice(db, d.notice.id, now) : failNotice(db, d.notice, error, now));
  }
}

/** Sends to a route; how many chats received it (a group counts once here, LINE bills per member). */
async function send(
  deps: NoticeDeps,
  target: OrgLine,
  route: NoticeRoute,
  messages: LineMessage[],
  key: string,
): Promise<number> {
  const { line } = target;
  const retryKey = await uuidFrom(key);
  const once = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      // 409: accepted before under this retry key; it went out.
      if (!(error instanceof LineApiError && error.status === 409)) throw error;
    }
  };
  if (route.kind === 'group') {
    await once(() => line.push(route.chatId, messages, retryKey));
    return 1;
  }
  if (route.kind !== 'integrity' && route.kind !== 'unit_officers' && route.kind !== 'no_integrity') return 0;
  return pushToStaff({ ...deps, line }, target.org.id, route.staffIds, messages, key);
}
