import type { Db } from '../db/client';
import { checkinDefaults } from '../../schema/contracts/complaint-rules';
import { checkinDueAt, checkinMessage } from './checkin';
import type { CaseRecord } from './cases-data';
import { noticeStatement } from './complainant-notices';

/**
 * The check-in to write with a tip's finishing transition (checkin.ts): only for a corruption case whose
 * reporter can be reached in LINE, due the organisation's number of days later; none when it turned the
 * check-in off. A reopening drops one still waiting. Returns the statements for the transition's batch.
 */
export async function checkinStatements(
  db: Db,
  c: Pick<CaseRecord, 'id' | 'code' | 'track' | 'reachInLine' | 'version'>,
  args: { orgId: number; orgName: string; action: string; now: number },
): Promise<(d: Db) => D1PreparedStatement[]> {
  if (c.track !== 'corruption' || !c.reachInLine) return () => [];
  if (args.action === 'reopen') {
    return (d) => [
      d.$client
        .prepare(
          "update complainant_notices set status = 'skipped' where complaint_id = ? and kind = 'checkin' and status = 'pending'",
        )
        .bind(c.id),
    ];
  }
  if (args.action !== 'close') return () => [];
  const row = await db.$client
    .prepare('select checkin_days as days from staff_settings where org_id = ?')
    .bind(args.orgId)
    .first<{ days: number }>();
  const dueAt = checkinDueAt(args.now, row?.days ?? checkinDefaults.days);
  if (dueAt === null) return () => [];
  const at = { orgId: args.orgId, caseId: c.id, version: c.version, now: args.now };
  return (d) => [
    noticeStatement(d, at, {
      kind: 'checkin',
      message: checkinMessage(args.orgName, c.code),
      sourceKey: `case:${c.version}:${c.id}:checkin`,
      awaitReplyBy: null,
      dueAt,
    }),
  ];
}
