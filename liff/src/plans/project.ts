import { type ProjectDetail, projectDetail } from '../../../schema/contracts/plan-api';
import { cached, publicApi, read } from '../api';
import { discrepancySection } from './discrepancy';
import { h } from '../dom';
import { formatBaht, kindName, yearSpan } from '../format';
import { page } from '../layout';
import { paths } from '../routes';
import { planPeriodNotice } from './period';

const budgetSourceNote = {
  summary: null,
  detail: 'งบประมาณนำมาจากส่วนรายละเอียดของรายการ เนื่องจากตารางสรุประบุรวมไว้',
  none: null,
} as const;

function section(title: string, body: string | string[] | null, ordered = false): HTMLElement | null {
  if (body === null || (Array.isArray(body) && body.length === 0) || body === '') return null;
  return h(
    'section',
    { class: 'detail-section' },
    h('h2', {}, title),
    Array.isArray(body)
      ? h(
          ordered ? 'ol' : 'ul',
          {},
          body.map((item) => h('li', {}, item)),
        )
      : h('p', {}, body),
  );
}

function budgetTable(project: ProjectDetail['project'], years: number[]): HTMLElement {
  return h(
    'table',
    { class: 'budget-table' },
    h('caption', {}, 'งบประมาณรายปี'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'ปีงบประมาณ'), h('th', { scope: 'col' }, 'งบประมาณ')),
    ),
    h(
      'tbody',
      {},
      years.map((y) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(y)),
          h('td', {}, formatBaht(project.budget[String(y)] ?? 0)),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h('tr', {}, h('th', { scope: 'row' }, 'รวม'), h('td', {}, formatBaht(project.budgetTotal))),
    ),
  );
}

/** "/o/<org>/plans/<plan>/projects/<n>": everything the plan says about one project. */
export async function renderProject(
  root: HTMLElement,
  orgSlug: string,
  planId: string,
  id: number,
): Promise<void> {
  const param = {
    org: encodeURIComponent(orgSlug),
    planId: encodeURIComponent(planId),
    projectId: String(id),
  };
  const detail = await cached(`project:${orgSlug}/${planId}/${id}`, () =>
    read(publicApi.api.orgs[':org'].plans[':planId'].projects[':projectId'].$get({ param }), projectDetail),
  );
  const { org, plan, project } = detail;
  const d = project.details;
  const written = project.unitExpanded ? `${project.unit} (${project.unitExpanded})` : project.unit;
  // The plan-wide name of the unit, and the document's own wording when it differs ("กวช.").
  const unit = project.unitGroup ?? written;
  const wording =
    written && written !== unit ? h('small', { class: 'muted' }, ` (ในเอกสารแผนเขียนว่า “${written}”)`) : null;
  const hasDetails =
    [d.rationale, d.targetGroup, d.period, d.area].some(Boolean) ||
    d.objectives.length > 0 ||
    d.methods.length > 0;
  page(root, {
    title: project.name,
    crumbs: [
      { label: org.name, href: paths.org(org.slug) },
      { label: `แผน ${yearSpan(plan.firstYear, plan.lastYear)}`, href: paths.plan(org.slug, plan.id) },
      {
        label: `มิติที่ ${project.dimension}`,
        href: paths.projects(org.slug, plan.id, { dimension: project.dimension }),
      },
    ],
    content: [
      h('p', { class: 'eyebrow' }, `${kindName(project.kind)}ที่ ${project.ref}`),
      h('h1', {}, project.name),
      planPeriodNotice(plan),
      project.alternateNames.length > 0
        ? h('p', { class: 'muted' }, `ชื่ออื่น: ${project.alternateNames.join(' / ')}`)
        : null,
      h(
        'dl',
        { class: 'card facts' },
        h('dt', {}, 'มิติ'),
        h('dd', {}, `มิติที่ ${project.dimension} ${project.dimensionName}`),
        h('dt', {}, 'ภารกิจ'),
        h('dd', {}, `${project.mission} ${project.missionName}`),
        project.subMission
          ? [h('dt', {}, 'ภารกิจย่อย'), h('dd', {}, `${project.subMission.code} ${project.subMission.name}`)]
          : null,
        h('dt', {}, 'หน่วยงานรับผิดชอบ'),
        h('dd', {}, unit ?? d.responsible ?? 'ไม่ระบุ', wording),
      ),
      h(
        'section',
        { class: 'card' },
        budgetTable(project, plan.fiscalYears),
        budgetSourceNote[project.budgetSource]
          ? h('p', { class: 'muted' }, budgetSourceNote[project.budgetSource])
          : null,
      ),
      hasDetails ? null : h('p', { class: 'card muted' }, 'เอกสารแผนไม่มีรายละเอียดเพิ่มเติมของรายการนี้'),
      section('หลักการและเหตุผล', d.rationale),
      section('วัตถุประสงค์', d.objectives),
      section('กลุ่มเป้าหมาย', d.targetGroup),
      section('พื้นที่ดำเนินการ', d.area),
      section('วิธีดำเนินการ', d.methods, true),
      section('ระยะเวลาดำเนินการ', d.period),
      section('งบประมาณตามรายละเอียด', d.budgetText),
      section('ผลผลิต', d.outputs),
      section('ผลลัพธ์', d.outcomes),
      section('ตัวชี้วัด', d.indicators),
      discrepancySection(detail.discrepancies, 'ข้อสังเกตจากเอกสารเกี่ยวกับรายการนี้'),
      h('a', { class: 'button secondary', href: paths.projects(org.slug, plan.id) }, 'ดูรายการทั้งหมดของแผน'),
    ],
  });
}
