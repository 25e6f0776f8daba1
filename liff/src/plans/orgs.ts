import { type OrgList, orgList } from '../../../schema/contracts/plan-api';
import { cached, publicApi, read } from '../api';
import { h } from '../dom';
import { page } from '../layout';
import { paths } from '../routes';

/** "/": every organisation, linking to its home. */
export async function renderOrgs(root: HTMLElement): Promise<void> {
  const items = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { limit: '100', ...(cursor ? { cursor } : {}) };
    const list: OrgList = await cached(`orgs:${cursor ?? ''}`, () =>
      read(publicApi.api.orgs.$get({ query }), orgList),
    );
    items.push(...list.items);
    cursor = list.nextCursor;
  } while (cursor);
  page(root, {
    title: 'องค์กรปกครองส่วนท้องถิ่น',
    content: [
      h('h1', {}, 'แผนป้องกันการทุจริตขององค์กรปกครองส่วนท้องถิ่น'),
      h('p', { class: 'lead' }, 'เลือกหน่วยงานเพื่อดูแผน โครงการ และงบประมาณ'),
      h(
        'ul',
        { class: 'cards' },
        items.map((org) =>
          h(
            'li',
            {},
            h(
              'a',
              { class: 'card link-card', href: paths.org(org.slug) },
              h('strong', {}, org.name),
              h('span', { class: 'muted' }, `จังหวัด${org.province}`),
            ),
          ),
        ),
      ),
    ],
  });
}
