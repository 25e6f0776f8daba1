import type { AdminCategory } from '../../schema/contracts/staff-admin-api';
import type { Db } from '../db/client';
import { getAdminCategory, listAdminCategories } from './categories-admin-data';
import { guardedEvent, runSetupBatch } from './setup-batch';
import type { SetupResult } from './setup-refusals';

/**
 * Moves a category one place up or down within its track (inactive ones keep their places too), with
 * its event; at either end nothing changes. The track is renumbered 0, 1, 2… in the same batch, and
 * only if its order is still the one read: two admins reordering at once cannot interleave.
 * Answers the organisation's categories in their new order.
 */
export async function moveCategory(
  db: Db,
  args: { orgId: number; categoryId: number; direction: 'up' | 'down'; by: number; now: number },
): Promise<SetupResult<AdminCategory[]>> {
  const category = await getAdminCategory(db, args.orgId, args.categoryId);
  if (!category) return { ok: false, problem: 'category_not_found' };
  const all = await listAdminCategories(db, args.orgId);
  const track = all.filter((k) => k.track === category.track);
  const from = track.findIndex((k) => k.id === category.id);
  const to = args.direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= track.length) return { ok: true, value: all };

  const order = track.map((k) => k.id);
  [order[from], order[to]] = [order[to]!, order[from]!];
  const c = db.$client;
  const outcome = await runSetupBatch(c, [
    guardedEvent(
      c,
      {
        orgId: args.orgId,
        entity: 'complaint_category',
        action: 'moved',
        by: args.by,
        from: String(from + 1),
        to: String(to + 1),
        now: args.now,
      },
      {
        sql: `select ? where (select group_concat(id, ',' order by sort, id)
                from complaint_categories where org_id = ? and track = ?) = ?`,
        params: [String(category.id), args.orgId, category.track, track.map((k) => k.id).join(',')],
      },
    ),
    ...order.flatMap((id, sort) =>
      track.find((k) => k.id === id)!.sort === sort
        ? []
        : [
            c
              .prepare('update complaint_categories set sort = ? where id = ? and org_id = ?')
              .bind(sort, id, args.orgId),
          ],
    ),
  ]);
  if (outcome !== 'done') return { ok: false, problem: 'changed_meanwhile' };
  return { ok: true, value: await listAdminCategories(db, args.orgId) };
}
