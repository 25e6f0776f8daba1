import type { UnitView } from '../../schema/contracts/staff-admin-api';
import type { units } from '../../schema/tables/complaints';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import { guardedEvent, newCode, runSetupBatch } from './setup-batch';
import type { SetupResult } from './setup-refusals';

type UnitRow = Pick<SqlRow<typeof units>, 'id' | 'code' | 'name' | 'handles_integrity'>;

const toUnit = (r: UnitRow): UnitView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  handlesIntegrity: r.handles_integrity === 1,
});

const UNIT_COLUMNS = 'id, code, name, handles_integrity';

/** The organisation's units, in order. */
export async function listUnits(db: Db, orgId: number): Promise<UnitView[]> {
  const { results } = await db.$client
    .prepare(`select ${UNIT_COLUMNS} from units where org_id = ? order by id`)
    .bind(orgId)
    .all<UnitRow>();
  return results.map(toUnit);
}

const integrityWord = (flag: boolean) => (flag ? 'integrity' : 'general');

/**
 * Creates a unit with its event. A name already used in the organisation, or a given code already
 * taken, is refused; a made-up code that happens to be taken is drawn again.
 */
export async function createUnit(
  db: Db,
  args: { orgId: number; name: string; code?: string; handlesIntegrity: boolean; by: number; now: number },
): Promise<SetupResult<UnitView>> {
  const c = db.$client;
  const taken = await c
    .prepare('select 1 from units where org_id = ? and name = ?')
    .bind(args.orgId, args.name)
    .first();
  if (taken) return { ok: false, problem: 'duplicate_unit_name' };
  for (let attempt = 1; ; attempt++) {
    const code = args.code ?? newCode('unit');
    const outcome = await runSetupBatch(c, [
      c
        .prepare(
          'insert into units (org_id, code, name, handles_integrity, created_at) values (?, ?, ?, ?, ?)',
        )
        .bind(args.orgId, code, args.name, args.handlesIntegrity ? 1 : 0, args.now),
      guardedEvent(
        c,
        {
          orgId: args.orgId,
          entity: 'unit',
          action: 'created',
          by: args.by,
          from: null,
          to: args.name,
          data: { code, handles: integrityWord(args.handlesIntegrity) },
          now: args.now,
        },
        {
          // After the insert: exactly one unit of the organisation has this name (ours).
          sql: `select cast(id as text) from units where org_id = ? and code = ?
                and (select count(*) from units where org_id = ? and name = ?) = 1`,
          params: [args.orgId, code, args.orgId, args.name],
        },
      ),
    ]);
    if (outcome === 'done') return { ok: true, value: (await getUnit(db, args.orgId, { code }))! };
    if (outcome === 'guard') return { ok: false, problem: 'duplicate_unit_name' };
    if (args.code !== undefined || attempt >= 3) return { ok: false, problem: 'duplicate_unit_code' };
  }
}

/**
 * Renames a unit and/or changes whether it handles corruption reports, with an event per change.
 * The flag keeps routing consistent: a unit that corruption categories point to stays an integrity
 * unit, and a unit with grievance categories or officers cannot become one.
 */
export async function updateUnit(
  db: Db,
  args: { orgId: number; unitId: number; name?: string; handlesIntegrity?: boolean; by: number; now: number },
): Promise<SetupResult<UnitView>> {
  const c = db.$client;
  const row = await c
    .prepare(
      `select u.id, u.code, u.name, u.handles_integrity,
         exists (select 1 from units o where o.org_id = u.org_id and o.name = ? and o.id <> u.id) as same_name,
         exists (select 1 from complaint_categories k where k.unit_id = u.id and k.track = 'corruption') as corruption,
         exists (select 1 from complaint_categories k where k.unit_id = u.id and k.track = 'grievance')
           or exists (select 1 from staff_units s where s.unit_id = u.id) as general
       from units u where u.id = ? and u.org_id = ?`,
    )
    .bind(args.name ?? '', args.unitId, args.orgId)
    .first<UnitRow & { same_name: number; corruption: number; general: number }>();
  if (!row) return { ok: false, problem: 'unit_not_found' };
  const before = toUnit(row);
  const rename = args.name !== undefined && args.name !== before.name;
  const flag = args.handlesIntegrity !== undefined && args.handlesIntegrity !== before.handlesIntegrity;
  if (rename && row.same_name) return { ok: false, problem: 'duplicate_unit_name' };
  if (flag && !args.handlesIntegrity && row.corruption)
    return { ok: false, problem: 'unit_has_corruption_categories' };
  if (flag && args.handlesIntegrity && row.general) return { ok: false, problem: 'unit_has_grievance_setup' };
  if (!rename && !flag) return { ok: true, value: before };

  const conditions: string[] = [];
  const params: unknown[] = [args.unitId, args.orgId];
  if (rename) {
    conditions.push(
      'not exists (select 1 from units o where o.org_id = u.org_id and o.name = ? and o.id <> u.id)',
    );
    params.push(args.name);
  }
  if (flag && args.handlesIntegrity) {
    conditions.push(`not exists (select 1 from complaint_categories k where k.unit_id = u.id and k.track = 'grievance')
      and not exists (select 1 from staff_units s where s.unit_id = u.id)`);
  }
  if (flag && !args.handlesIntegrity) {
    conditions.push(
      `not exists (select 1 from complaint_categories k where k.unit_id = u.id and k.track = 'corruption')`,
    );
  }
  const guard = {
    sql: `select cast(u.id as text) from units u where u.id = ? and u.org_id = ? and ${conditions.join(' and ')}`,
    params,
  };
  const event = { orgId: args.orgId, entity: 'unit' as const, by: args.by, now: args.now };
  const after = {
    ...before,
    name: args.name ?? before.name,
    handlesIntegrity: args.handlesIntegrity ?? before.handlesIntegrity,
  };
  const events = [
    ...(rename ? [{ ...event, action: 'renamed', from: before.name, to: after.name }] : []),
    ...(flag
      ? [
          {
            ...event,
            action: 'handles_changed',
            from: integrityWord(before.handlesIntegrity),
            to: integrityWord(after.handlesIntegrity),
          },
        ]
      : []),
  ];
  const outcome = await runSetupBatch(c, [
    ...events.map((e) => guardedEvent(c, e, guard)),
    c
      .prepare('update units set name = ?, handles_integrity = ? where id = ? and org_id = ?')
      .bind(after.name, after.handlesIntegrity ? 1 : 0, args.unitId, args.orgId),
  ]);
  if (outcome !== 'done') return { ok: false, problem: 'changed_meanwhile' };
  return { ok: true, value: after };
}

/** One unit of an organisation by id or code; null when not of this organisation. */
export async function getUnit(
  db: Db,
  orgId: number,
  ref: { id: number } | { code: string },
): Promise<UnitView | null> {
  const [column, value] = 'id' in ref ? ['id', ref.id] : ['code', ref.code];
  const row = await db.$client
    .prepare(`select ${UNIT_COLUMNS} from units where org_id = ? and ${column} = ?`)
    .bind(orgId, value)
    .first<UnitRow>();
  return row ? toUnit(row) : null;
}
