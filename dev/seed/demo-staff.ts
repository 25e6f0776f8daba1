import type { Keyring } from '../../worker/crypto/secret-box';
import type { Statement } from '../../worker/orgs/provision';
import { deskStatements, staffMemberStatements } from '../../worker/staff/member-statements';
import type { DemoOrganization } from '../demo-organizations';
import { demoStaff, demoStaffGroups } from '../line-platform/demo-people';

/**
 * The demo staff of every demo organisation, so that one person can play both sides on the chat page of
 * `npm start`: สมหญิง is admin and officer of the clerk's office, ธนา an officer of the engineering
 * division (street lights, roads, water), อรุณี the integrity officer and an executive. The demo staff
 * group of each channel is the organisation's desk.
 */
export async function demoStaffStatements(
  keyring: Keyring,
  orgs: DemoOrganization[],
  now: number,
): Promise<Statement[]> {
  const [somying, thana, arunee] = demoStaff;
  const groups = demoStaffGroups(orgs);
  const out: Statement[] = [];
  for (const [i, org] of orgs.entries()) {
    const orgId = i + 1;
    const people = [
      { who: somying!, roles: ['admin', 'officer'] as const, unitCode: 'clerk' },
      { who: thana!, roles: ['officer'] as const, unitCode: 'engineering' },
      { who: arunee!, roles: ['integrity', 'executive'] as const },
    ];
    for (const p of people) {
      out.push(
        ...(await staffMemberStatements(keyring, {
          orgId,
          lineUserId: p.who.userId,
          displayName: p.who.displayName.replace(/\s*\(เจ้าหน้าที่\)$/, ''),
          roles: [...p.roles],
          unitCode: p.unitCode,
          now,
        })),
      );
    }
    const group = groups.find((g) => g.channel === org.slug);
    if (group) out.push(...deskStatements(orgId, group.groupId, now));
  }
  return out;
}
