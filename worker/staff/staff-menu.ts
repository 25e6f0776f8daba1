import type { staffMembers } from '../../schema/tables/staff';
import type { Keyring } from '../crypto/secret-box';
import { open } from '../crypto/secret-box';
import type { Db } from '../db/client';
import type { SqlRow } from '../db/sql-row';
import type { LineGateway } from '../line/gateway';
import { staffContext } from './staff-keys';

type RichMenuLine = Pick<LineGateway, 'richMenu'>;

/**
 * Gives a person who just registered as staff the staff rich menu (new cases, my cases, the staff
 * LIFF, help). A failure never undoes the registration: the menu is a convenience, and the next
 * refresh of the organisation's menus links every active member again.
 */
export async function linkStaffMenu(line: RichMenuLine, db: Db, orgId: number, userId: string) {
  // Read now, not from the cached organisation: a refresh may have just replaced the menu.
  const row = await db.$client
    .prepare('select staff_rich_menu_id as id from line_channels where org_id = ?')
    .bind(orgId)
    .first<{ id: string | null }>();
  if (!row?.id) return;
  await line.richMenu.link(userId, row.id).catch((error: unknown) => {
    console.error('staff rich menu link failed', { error: String(error) });
  });
}

/** Takes the staff menu away from a removed member (they see the residents' default menu again). */
export async function unlinkStaffMenu(
  line: RichMenuLine,
  db: Db,
  keyring: Keyring,
  orgId: number,
  staffId: number,
) {
  const row = await db.$client
    .prepare('select person_key, line_user_sealed from staff_members where id = ? and org_id = ?')
    .bind(staffId, orgId)
    .first<Pick<SqlRow<typeof staffMembers>, 'person_key' | 'line_user_sealed'>>();
  if (!row) return;
  const userId = await open(keyring, row.line_user_sealed, staffContext(orgId, row.person_key));
  await line.richMenu.unlink(userId).catch((error: unknown) => {
    console.error('staff rich menu unlink failed', { error: String(error) });
  });
}
