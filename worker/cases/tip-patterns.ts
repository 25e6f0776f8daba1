import { involvedRoleNames, type InvolvedRole } from '../../schema/contracts/complaint-rules';
import type { TipPatterns } from '../../schema/contracts/staff-report';
import { bangkokDate } from '../../lib/thai-date';
import type { Db } from '../db/client';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
// A tip's project by its stable ref, named from the plan of that key that is active now.
const activeProject = `from complaints c
  left join plans p on p.org_id = c.org_id and p.plan_key = c.plan_key and p.status = 'active'
  left join plan_projects pp on pp.plan_id = p.id and pp.sequence = c.plan_project_seq`;

/**
 * Where several tips of the last twelve months point at the same place: the unit whose staff are
 * involved, the category, the role of who is involved, the plan project an integrity officer linked
 * (two or more each). Counts only: no case, no text, no reporter. For integrity officers, who may see that pattern even where they may not open
 * every case (a unit's or an executive's involvement decides who reads a tip, not who sees counts).
 */
export async function tipPatterns(db: Db, orgId: number, now: number): Promise<TipPatterns> {
  const since = now - YEAR_MS;
  const tips = `from complaints c where c.org_id = ?1 and c.track = 'corruption' and c.created_at >= ?2`;
  const { results } = await db.$client
    .prepare(
      `select 'unit' as kind, u.name as name, count(*) as n ${tips.replace('from complaints c', 'from complaints c join units u on u.id = c.involved_unit_id')}
         group by c.involved_unit_id having count(*) >= 2
       union all
       select 'category', k.name, count(*) ${tips.replace('from complaints c', 'from complaints c join complaint_categories k on k.id = c.category_id')}
         group by c.category_id having count(*) >= 2
       union all
       select 'role', c.involved_role, count(*) ${tips} and c.involved_role is not null
         group by c.involved_role having count(*) >= 2
       union all
       select 'project', coalesce(max(pp.name), 'โครงการลำดับที่ ' || c.plan_project_seq || ' แผน ' || c.plan_key), count(*)
         ${tips.replace('from complaints c', activeProject)} and c.plan_key is not null
         group by c.plan_key, c.plan_project_seq having count(*) >= 2
       order by 3 desc`,
    )
    .bind(orgId, since)
    .all<{ kind: TipPatterns['items'][number]['kind']; name: string; n: number }>();
  return {
    since: bangkokDate(since),
    items: results.map((r) => ({
      kind: r.kind,
      name: r.kind === 'role' ? (involvedRoleNames[r.name as InvolvedRole] ?? r.name) : r.name,
      count: r.n,
    })),
  };
}
