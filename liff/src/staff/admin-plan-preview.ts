import type { PlanDocument, PlanProject } from '../../../schema/contracts/plan-document';
import { documentProjects, projectItemsOfDocument, summaryOfDocument } from '../../../lib/plan-preview';
import { fiscalYearOf } from '../../../lib/fiscal-year';
import { h } from '../dom';
import { formatBaht, formatNumber, kindName } from '../format';
import { planOverview } from '../plans/plan';

type Row = { label: string; stated: number | null; computed: number; unit: 'items' | 'baht' };

const show = (n: number, unit: Row['unit']) =>
  unit === 'baht' ? formatBaht(n) : `${formatNumber(n)} รายการ`;

function rowOf(r: Row): HTMLElement {
  const matches = r.stated === null || r.stated === r.computed;
  return h(
    'tr',
    { class: matches ? 'match' : 'mismatch' },
    h('th', { scope: 'row' }, r.label),
    h('td', {}, r.stated === null ? 'ไม่ระบุ' : show(r.stated, r.unit)),
    h('td', {}, show(r.computed, r.unit)),
    h('td', { 'aria-label': matches ? 'ตรงกัน' : 'ไม่ตรงกัน' }, matches ? '✓' : '✗'),
  );
}

/** Stated against computed counts and budgets, per dimension and fiscal year, then for the whole plan. */
function reconciliation(doc: PlanDocument): HTMLElement {
  const { stated, parsedTotals: parsed } = doc;
  const years = [...doc.fiscalYears].sort((a, b) => a - b);
  const rows: Row[] = [];
  for (const d of doc.dimensions) {
    const key = String(d.number);
    rows.push({
      label: `มิติที่ ${d.number} จำนวนรายการ`,
      stated: stated.projectsByDimension[key] ?? null,
      computed: parsed.projectsByDimension[key] ?? 0,
      unit: 'items',
    });
    for (const y of years) {
      rows.push({
        label: `มิติที่ ${d.number} งบประมาณปี ${y}`,
        stated: stated.budgetByDimension[key]?.[String(y)] ?? null,
        computed: parsed.budgetByDimension[key]?.[String(y)] ?? 0,
        unit: 'baht',
      });
    }
  }
  rows.push({
    label: 'ทั้งแผน จำนวนรายการ',
    stated: stated.projects,
    computed: parsed.projects,
    unit: 'items',
  });
  for (const y of years) {
    rows.push({
      label: `ทั้งแผน งบประมาณปี ${y}`,
      stated: stated.budgetTotal?.[String(y)] ?? null,
      computed: parsed.budgetTotal[String(y)] ?? 0,
      unit: 'baht',
    });
  }
  const differing = rows.filter((r) => r.stated !== null && r.stated !== r.computed);
  const table = (shown: Row[]) =>
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, ''), h('th', {}, 'เอกสารระบุ'), h('th', {}, 'นับ/รวมได้'), h('th', {}, '')),
      ),
      h('tbody', {}, shown.map(rowOf)),
    );
  // The mismatches stay in sight; the whole table (a row per dimension and year) is one tap away.
  return h(
    'section',
    { class: 'card reconciliation' },
    h('h2', {}, 'ตรวจยอดกับที่เอกสารระบุ'),
    h(
      'p',
      { class: differing.length ? 'form-message error' : 'form-message ok' },
      differing.length
        ? `ตัวเลขไม่ตรงกับที่เอกสารระบุ ${formatNumber(differing.length)} จุด`
        : 'จำนวนรายการและงบประมาณตรงกับที่เอกสารระบุทุกมิติ',
    ),
    differing.length ? table(differing) : null,
    h('details', {}, h('summary', {}, `ตารางตรวจยอดทั้งหมด (${formatNumber(rows.length)} แถว)`), table(rows)),
  );
}

function withoutDetail(projects: PlanProject[]): HTMLElement | null {
  const missing = projects.filter((p) => p.detailNumber === null);
  if (missing.length === 0) return null;
  return h(
    'section',
    { class: 'card without-detail' },
    h('h2', {}, `รายการที่ไม่พบส่วนรายละเอียด (${formatNumber(missing.length)})`),
    h(
      'ul',
      {},
      missing.map((p) => h('li', {}, `${kindName(p.kind)}ที่ ${p.ref} ${p.name}`)),
    ),
  );
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** What an admin should check before publishing: another organisation's plan, or a plan already ended. */
function warnings(doc: PlanDocument, orgName: string): HTMLElement | null {
  const items: string[] = [];
  const named = doc.organization.name;
  if (named && !squeeze(named).includes(squeeze(orgName)) && !squeeze(orgName).includes(squeeze(named))) {
    items.push(`เอกสารนี้ระบุชื่อหน่วยงานว่า "${named}" ไม่ใช่ "${orgName}" กรุณาตรวจว่าเลือกไฟล์ถูกต้อง`);
  }
  const last = Math.max(...doc.fiscalYears);
  if (last < fiscalYearOf(Date.now())) {
    items.push(`แผนนี้สิ้นสุดปีงบประมาณ ${last} แล้ว ประชาชนจะเห็นว่าเป็นแผนที่สิ้นสุดแล้ว`);
  }
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'card plan-warnings', role: 'alert' },
    h('h2', {}, 'โปรดตรวจก่อนเผยแพร่'),
    h(
      'ul',
      {},
      items.map((t) => h('li', {}, t)),
    ),
  );
}

/**
 * The upload preview: what to check first, the reconciliation, projects without a detail section, then the
 * plan as the public pages will show it (every finding of the document in Thai at its end) and all its items.
 */
export function planPreview(
  doc: PlanDocument,
  org: { slug: string; name: string },
  key: string,
): HTMLElement[] {
  const projects = documentProjects(doc);
  const items = projectItemsOfDocument(doc);
  return [
    warnings(doc, org.name),
    reconciliation(doc),
    withoutDetail(projects),
    h('h2', { class: 'section-title' }, 'หน้าแผนที่ประชาชนจะเห็น'),
    ...planOverview(summaryOfDocument(doc, org, key, Date.now()), false),
    h(
      'details',
      { class: 'card preview-items' },
      h('summary', {}, `รายการทั้งหมด ${formatNumber(items.length)} รายการ`),
      h(
        'ol',
        {},
        items.map((p) =>
          h(
            'li',
            {},
            h('strong', {}, `${kindName(p.kind)}ที่ ${p.ref} ${p.name}`),
            h(
              'span',
              { class: 'muted' },
              ` · มิติที่ ${p.dimension} ภารกิจ ${p.mission}${p.unit ? ` · ${p.unit}` : ''} · ${formatBaht(p.budgetTotal)}`,
            ),
          ),
        ),
      ),
    ),
  ].filter((n): n is HTMLElement => n !== null);
}
