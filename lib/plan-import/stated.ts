import type { Discrepancy, KindCounts, StatedFigures } from '../../schema/contracts/plan-document';
import { parseCountPhrase } from './numbers';
import type { TableModel } from './table-structure';

const INTRO_DIMENSION =
  /^(?:-\s*)?(?:มิติ|มติ|มิตี|มีติ)ที่\s*(\d{1,2})\s*(.*?)\s*(?:จำนวน|รวม)\s*(\d+\s*(?:โครงการ|กิจกรรม|มาตรการ).*)$/;
const INTRO_TOTAL = /(?:รวมทั้งสิ้น|รวมทั้งหมด|รวม)\s*(?:จำนวน)?\s*(\d+)\s*โครงการ/;

export interface IntroFigures {
  total: number | null;
  byDimension: Map<number, { name: string; count: number }>;
}

/** The counts the plan's foreword states before the table ("มิติที่ 1 … จำนวน 10 โครงการ", "รวมทั้งสิ้น 41 โครงการ"). */
export function readIntroFigures(lines: string[], beforeLine: number): IntroFigures {
  const figures: IntroFigures = { total: null, byDimension: new Map() };
  for (let i = 0; i < beforeLine && i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const dim = INTRO_DIMENSION.exec(line);
    if (dim) {
      const count = parseCountPhrase(dim[3] ?? '');
      if (count && !figures.byDimension.has(Number(dim[1]))) {
        figures.byDimension.set(Number(dim[1]), { name: (dim[2] ?? '').trim(), count: count.total });
      }
      continue;
    }
    const total = INTRO_TOTAL.exec(line);
    if (total && figures.total === null && /โครงการ\/กิจกรรม\/มาตรการ|แผนปฏิบัติการ|มิติ/.test(line)) {
      figures.total = Number(total[1]);
    }
  }
  return figures;
}

/**
 * Collects what the document states about itself: the total rows of the summary table first, the foreword's
 * counts where the table states none. Where two statements disagree, the table is kept and the disagreement is
 * reported.
 */
export function collectStated(
  model: TableModel,
  intro: IntroFigures,
): { stated: StatedFigures; discrepancies: Discrepancy[] } {
  const discrepancies: Discrepancy[] = [];
  const stated: StatedFigures = {
    projects: null,
    projectsByDimension: {},
    kindsByDimension: {},
    budgetByDimension: {},
    budgetTotal: null,
  };
  const disagree = (where: string, what: string, a: number, b: number, dimension: number | null) =>
    discrepancies.push({
      kind: 'stated-inconsistent',
      where,
      what,
      stated: a,
      parsed: b,
      dimension,
      mission: null,
      projects: [],
    });

  for (const dim of model.dimensions) {
    const key = String(dim.number);
    const fromTable = dim.total?.count ?? null;
    const fromIntro = intro.byDimension.get(dim.number)?.count ?? null;
    if (fromTable) {
      stated.projectsByDimension[key] = fromTable.total;
      if (fromTable.byKind) stated.kindsByDimension[key] = fromTable.byKind as KindCounts;
    } else if (fromIntro !== null) stated.projectsByDimension[key] = fromIntro;
    if (fromTable && fromIntro !== null && fromTable.total !== fromIntro) {
      disagree(
        `dimension ${dim.number}`,
        `The foreword says dimension ${dim.number} has ${fromIntro} projects; its total row in the summary table says ${fromTable.total}.`,
        fromIntro,
        fromTable.total,
        dim.number,
      );
    }
    if (dim.total?.hasBudget) stated.budgetByDimension[key] = dim.total.budget;
  }
  const tableTotal = model.grandTotal?.count?.total ?? null;
  stated.projects = tableTotal ?? intro.total;
  if (tableTotal !== null && intro.total !== null && tableTotal !== intro.total) {
    disagree(
      'plan',
      `The foreword gives a total of ${intro.total} projects; the summary table's grand total row says ${tableTotal}.`,
      intro.total,
      tableTotal,
      null,
    );
  }
  if (model.grandTotal?.hasBudget) stated.budgetTotal = model.grandTotal.budget;
  return { stated, discrepancies };
}
