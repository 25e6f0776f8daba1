import type { ProjectPage } from '../../../schema/contracts/plan-api';
import type { CaseDetail } from '../../../schema/contracts/staff-api';
import { publicApi, read } from '../api';
import { h } from '../dom';
import { loadOrg } from '../org-detail';
import { messageLine, type StaffPage } from './staff-page';

const RESULTS = 8;

/**
 * For integrity officers on a corruption case: which project of the organisation's anti-corruption plan
 * the tip concerns, searched by words over the newest active plan's projects (the public plan API), set
 * or cleared through PUT …/plan-project. Loaded on its own, only for them, to keep the staff chunk small.
 * `done` shows the case as the server answers it after a change.
 */
export async function planProjectCard(
  p: StaffPage,
  d: CaseDetail,
  done: (next: CaseDetail, message: string) => void,
): Promise<HTMLElement> {
  const current = d.case.planProject;
  const message = messageLine();
  const plan = (await loadOrg(p.slug)).plans[0];
  const save = async (project: { plan: string; sequence: number } | null, text: string) => {
    message.textContent = '';
    try {
      done(await p.api.setPlanProject(d.case.id, project), text);
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  };
  const shown = current
    ? h(
        'p',
        { 'data-testid': 'plan-project' },
        current.name ? `${current.number ?? ''} ${current.name}`.trim() : `โครงการลำดับที่ ${current.sequence}`,
        h('span', { class: 'muted' }, ` (แผน ${current.plan})`),
      )
    : h('p', { class: 'muted', 'data-testid': 'plan-project' }, 'ยังไม่ระบุ');
  const clear = current
    ? h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => save(null, 'ยกเลิกการระบุโครงการแล้ว') },
        'ยกเลิกการระบุ',
      )
    : null;
  const results = h('ul', { class: 'plan-project-results', 'aria-live': 'polite' });
  const query = h('input', {
    type: 'search',
    name: 'planProjectQuery',
    maxlength: 100,
    placeholder: 'เช่น จัดซื้อ ถนน',
  });
  const search = async (event: Event) => {
    event.preventDefault();
    if (!plan) return;
    const param = { org: encodeURIComponent(p.slug), planId: encodeURIComponent(plan.id) };
    try {
      const found = (await read(
        publicApi.api.orgs[':org'].plans[':planId'].projects.$get({
          param,
          query: { q: query.value.trim(), limit: String(RESULTS) },
        }),
      )) as ProjectPage;
      results.replaceChildren(
        ...(found.items.length === 0
          ? [h('li', { class: 'muted' }, 'ไม่พบโครงการที่ตรงกับคำค้น')]
          : found.items.map((item) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button secondary',
                    onclick: () => save({ plan: plan.id, sequence: item.id }, 'บันทึกโครงการตามแผนแล้ว'),
                  },
                  `${item.number} ${item.name}`,
                ),
              ),
            )),
      );
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  };
  return h(
    'section',
    { class: 'card plan-project' },
    h('h2', {}, 'โครงการตามแผนป้องกันการทุจริตที่เกี่ยวข้อง'),
    shown,
    clear,
    plan
      ? h(
          'form',
          { onsubmit: search },
          h('label', {}, `ค้นหาโครงการในแผน ${plan.id}`, query),
          h('button', { type: 'submit', class: 'button secondary' }, 'ค้นหา'),
        )
      : h('p', { class: 'muted' }, 'หน่วยงานยังไม่มีแผนป้องกันการทุจริตในระบบ'),
    results,
    message,
  );
}
