import { parseItemCell } from './cell-items';
import { detectItemScheme, type ItemScheme, MISSION_CELL } from './item-scheme';
import { rowSlots, type StatedRow, type SummaryTable, statedRow } from './summary-table';

export interface DraftProject {
  /** Order in the summary table, from 1. */
  order: number;
  number: number;
  text: string;
  dimension: number;
  missionCode: string;
  subMissionCode: string | null;
}

export interface DraftMission {
  code: string;
  name: string;
  subMissions: { code: string; name: string }[];
}

export interface DraftDimension {
  number: number;
  name: string;
  missions: DraftMission[];
  total: StatedRow | null;
}

/** One table row as budget alignment sees it: the projects it starts, its figures, its remarks. */
export interface AlignmentRow {
  line: number;
  projects: DraftProject[];
  /** One entry per figure position in the row; each is the per-year amounts (plan year order). */
  slots: number[][];
  remark: string;
}

/** Rows from one mission or sub-mission start to the next: the unit inside which figures are aligned. */
export interface Segment {
  dimension: number;
  missionCode: string;
  rows: AlignmentRow[];
}

export interface TableModel {
  years: number[];
  dimensions: DraftDimension[];
  projects: DraftProject[];
  segments: Segment[];
  grandTotal: StatedRow | null;
  /** Projects the table lists without a number (numbered here in order). */
  unnumbered: number;
  /** How the table numbers its projects, decided from the whole table. */
  scheme: ItemScheme;
}

const DIM_CELL = /^(?:(?:มิติ|มติ|มิตี|มีติ)ที่\s*)?(\d{1,2})\s*[.)]?\s*(.*)$/;
const TOTAL_CELL = /^รวม(ทั้งสิ้น|ทั้งหมด)?(?=\s|$|\d|มิติ|มติ|จำนวน)/;

function join(a: string, b: string): string {
  return a === '' ? b : `${a} ${b}`;
}

/**
 * Turns the summary table's rows into dimensions, missions, sub-missions and projects (in table order) plus the
 * alignment segments the budget attribution works on. Text that starts a row without a marker continues the
 * previous row's last name: that is how a row split across pages reads.
 */
export function buildTableModel(table: SummaryTable): TableModel {
  const years = table.layout.years.map((y) => y.year);
  const model: TableModel = {
    years,
    dimensions: [],
    projects: [],
    segments: [],
    grandTotal: null,
    unnumbered: 0,
    scheme: detectItemScheme(table.rows),
  };
  const perMission = model.scheme.scope === 'mission';
  let dim: DraftDimension | null = null;
  let mission: DraftMission | null = null;
  let sub: string | null = null;
  let segment: Segment | null = null;
  let previous: number | null = null;
  let restart = true;
  let append: ((text: string) => void) | null = null;

  const startSegment = (): Segment => {
    const fresh: Segment = { dimension: dim?.number ?? 0, missionCode: mission?.code ?? '', rows: [] };
    model.segments.push(fresh);
    return fresh;
  };
  const ensureMission = (): DraftMission => {
    if (!dim) {
      dim = { number: 1, name: '', missions: [], total: null };
      model.dimensions.push(dim);
    }
    if (!mission) {
      mission = { code: `${dim.number}.0`, name: '', subMissions: [] };
      dim.missions.push(mission);
    }
    return mission;
  };

  for (const row of table.rows) {
    const firstText = [row.dim, row.mission, row.item].find((c) => c !== '') ?? '';
    const total = TOTAL_CELL.exec(row.dim) ?? TOTAL_CELL.exec(row.mission) ?? TOTAL_CELL.exec(firstText);
    if (total) {
      if (total[1]) model.grandTotal = statedRow(row, years);
      else if (dim) dim.total = statedRow(row, years);
      append = null;
      continue;
    }
    let newSegment = false;
    if (row.dim !== '') {
      const m = DIM_CELL.exec(row.dim);
      if ((m && Number(m[1]) !== dim?.number) || (!m && !dim)) {
        const number = m ? Number(m[1]) : model.dimensions.length + 1;
        dim = { number, name: m ? (m[2] ?? '') : row.dim, missions: [], total: null };
        model.dimensions.push(dim);
        mission = null;
        sub = null;
        append = null;
        newSegment = true;
        restart = true;
      } else if (dim && !m) dim.name = join(dim.name, row.dim);
    }
    if (row.mission !== '' && row.mission !== '-') {
      const m = MISSION_CELL.exec(row.mission);
      if (m) {
        if (!dim) ensureMission();
        const started: DraftMission = { code: `${m[1]}.${m[2]}`, name: m[3] ?? '', subMissions: [] };
        dim!.missions.push(started);
        mission = started;
        sub = null;
        newSegment = true;
        if (perMission) previous = null;
        append = (text) => {
          started.name = join(started.name, text);
        };
      } else if (mission) mission.name = join(mission.name, row.mission);
    }
    const context = { scheme: model.scheme, mission: (mission as DraftMission | null)?.code ?? '', restart };
    const { parse, last } = parseItemCell(row.item === '-' ? '' : row.item, previous, context);
    if (last !== previous) restart = false;
    previous = last;
    // An unnumbered project on a row of its own with figures ("โครงการ…"): numbered in order.
    if (
      parse.segments.length === 0 &&
      /^(?:โครงการ|กิจกรรม|มาตรการ)/.test(parse.lead) &&
      rowSlots(row).length > 0
    ) {
      previous = (previous ?? 0) + 1;
      parse.segments.push({ type: 'item', number: previous, marker: '', text: parse.lead });
      parse.lead = '';
      model.unnumbered++;
    }
    if (parse.lead !== '' && parse.lead !== '-' && append) append(parse.lead);
    if (parse.lead === '' && parse.segments[0]?.type === 'sub') newSegment = true;
    if (newSegment || !segment) segment = startSegment();
    const alignment: AlignmentRow = {
      line: row.line,
      projects: [],
      slots: rowSlots(row),
      remark: row.remark,
    };
    for (const seg of parse.segments) {
      const current = ensureMission();
      if (seg.type === 'sub') {
        sub = seg.code;
        const entry = { code: seg.code, name: seg.text };
        const existing = current.subMissions.find((s) => s.code === seg.code);
        if (!existing) current.subMissions.push(entry);
        const target = existing ?? entry;
        append = (text) => {
          target.name = join(target.name, text);
        };
        continue;
      }
      const project: DraftProject = {
        order: model.projects.length + 1,
        number: seg.number,
        text: seg.text,
        dimension: dim!.number,
        missionCode: current.code,
        subMissionCode: sub,
      };
      model.projects.push(project);
      alignment.projects.push(project);
      append = (text) => {
        project.text = join(project.text, text);
      };
    }
    segment.rows.push(alignment);
  }
  return model;
}
