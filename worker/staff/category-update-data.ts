import type { AdminCategory } from '../../schema/contracts/staff-admin-api';
import { adminLimits } from '../../schema/contracts/staff-admin-rules';
import type { Db } from '../db/client';
import {
  activeInTrack,
  getAdminCategory,
  otherWithName,
  trackCounts,
  unitCondition,
  unitProblem,
} from './categories-admin-data';
import { guardedEvent, runSetupBatch } from './setup-batch';
import type { SetupProblem, SetupResult } from './setup-refusals';

type CategoryChange = { name?: string; description?: string; unitId?: number | null; active?: boolean };

/**
 * Changes a category's name, description, unit and/or whether it is offered, with one event per
 * change. Categories are never deleted (complaints point to them). A track keeps at least one active
 * category and at most as many as the chat can offer as buttons.
 */
export async function updateCategory(
  db: Db,
  args: { orgId: number; categoryId: number; by: number; now: number } & CategoryChange,
): Promise<SetupResult<AdminCategory>> {
  const before = await getAdminCategory(db, args.orgId, args.categoryId);
  if (!before) return { ok: false, problem: 'category_not_found' };
  const after: AdminCategory = {
    ...before,
    name: args.name ?? before.name,
    description: args.description ?? before.description,
    unitId: args.unitId === undefined ? before.unitId : args.unitId,
    active: args.active ?? before.active,
  };
  const changed = {
    name: after.name !== before.name,
    description: after.description !== before.description,
    unit: after.unitId !== before.unitId,
    active: after.active !== before.active,
  };
  if (!Object.values(changed).some(Boolean)) return { ok: true, value: before };

  const counts = await trackCounts(db, args.orgId, before.track, after.name, before.id);
  let problem: SetupProblem | null = changed.unit
    ? await unitProblem(db, args.orgId, before.track, after.unitId)
    : null;
  if (changed.name && counts.same_name) problem ??= 'duplicate_category_name';
  if (changed.active && !after.active && counts.others_active === 0) problem ??= 'last_active_category';
  if (changed.active && after.active && counts.others_active >= adminLimits.activeCategoriesMax)
    problem ??= 'too_many_active_categories';
  if (problem) return { ok: false, problem };

  const conditions = ['k.id = ?', 'k.org_id = ?'];
  const params: unknown[] = [before.id, args.orgId];
  const require = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (changed.name) require(`not ${otherWithName}`, after.name);
  if (changed.unit && after.unitId !== null) require(unitCondition(before.track), after.unitId);
  if (changed.active && !after.active) require(`${activeInTrack} > 0`);
  if (changed.active && after.active) require(`${activeInTrack} < ?`, adminLimits.activeCategoriesMax);
  const guard = {
    sql: `select cast(k.id as text) from complaint_categories k where ${conditions.join(' and ')}`,
    params,
  };
  const event = { orgId: args.orgId, entity: 'complaint_category' as const, by: args.by, now: args.now };
  const unitText = (id: number | null) => (id === null ? null : String(id));
  const activeText = (active: boolean) => (active ? 'active' : 'inactive');
  const events = [
    changed.name && { ...event, action: 'renamed', from: before.name, to: after.name },
    changed.description && { ...event, action: 'described', from: before.description, to: after.description },
    changed.unit && {
      ...event,
      action: 'unit_changed',
      from: unitText(before.unitId),
      to: unitText(after.unitId),
    },
    changed.active && {
      ...event,
      action: after.active ? 'activated' : 'deactivated',
      from: activeText(before.active),
      to: activeText(after.active),
    },
  ].filter((e) => e !== false);
  const c = db.$client;
  const outcome = await runSetupBatch(c, [
    ...events.map((e) => guardedEvent(c, e, guard)),
    c
      .prepare(
        'update complaint_categories set name = ?, description = ?, unit_id = ?, active = ? where id = ? and org_id = ?',
      )
      .bind(after.name, after.description, after.unitId, after.active ? 1 : 0, before.id, args.orgId),
  ]);
  if (outcome !== 'done') return { ok: false, problem: 'changed_meanwhile' };
  return { ok: true, value: after };
}
