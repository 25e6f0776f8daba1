import { type ReportPeriod, reportPeriodNames, reportPeriods } from '../../../schema/contracts/staff-report';
import { caseReport } from '../../notices/report-data';
import { messageChips } from '../../cases/cards/label';
import { reportCard } from '../../notices/report-card';
import { cardLinks, type StaffTurn, say } from './turn';

/** "รายงานสรุป [period]": the report card as a reply (free), with chips for the other periods. */
export async function showReport(turn: StaffTurn, period: ReportPeriod): Promise<void> {
  const { db, org } = turn.ctx;
  const report = await caseReport(db, org.id, period, turn.ctx.now());
  const links = cardLinks(turn);
  const others = reportPeriods
    .filter((p) => p !== period)
    .map((p) => ({ label: reportPeriodNames[p], text: `รายงานสรุป ${reportPeriodNames[p]}` }));
  const card = reportCard(report, links);
  await say(turn, [{ ...card, quickReply: messageChips(others) } as typeof card]);
}
