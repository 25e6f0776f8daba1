import { beforeAll } from 'vitest';
import type { StaffRole } from '../../../schema/contracts/staff';
import type { TestOrg } from '../../fixtures/demo-org';
import { enroll, type StaffChat } from './staff';

/** One staff member to enrol: roles, the unit an officer belongs to, a LINE display name. */
export interface StaffSpec {
  roles: StaffRole[];
  unit?: string;
  name?: string;
}

/** A roster entry: a spec, or a bare role (one role, no unit, no display name of their own). */
export type RosterEntry = StaffSpec | StaffRole;

/** An enrolled staff member: their chat and staff id. */
export type Member = StaffChat & { staffId: number };

/** The staff most scenarios need, with the display names chat answers are checked against. */
export const demoStaff = {
  admin: { roles: ['admin'], name: 'ผู้ดูแล' },
  officer: { roles: ['officer'], unit: 'engineering', name: 'ช่างหนึ่ง' },
  integrity: { roles: ['integrity'], name: 'ผู้ตรวจ' },
  executive: { roles: ['executive'], name: 'นายก' },
} satisfies Record<string, StaffSpec>;

/** Enrols a roster in an organisation through the chat, one after the other in roster order: the members by key. */
export async function enrollStaff<K extends string>(
  org: TestOrg,
  roster: Record<K, RosterEntry>,
): Promise<Record<K, Member>> {
  const members = {} as Record<K, Member>;
  for (const [key, entry] of Object.entries(roster) as [K, RosterEntry][]) {
    const { roles, ...options } = typeof entry === 'string' ? { roles: [entry] } : entry;
    members[key] = await enroll(org.slug, org.id, roles, options);
  }
  return members;
}

/**
 * A test file's roster, enrolled before its tests by a beforeAll registered here (so before the file's own
 * hooks registered after this call). Each member is a stand-in for the enrolled one, so the roster can be
 * destructured where the file is set up: `const { admin, officer } = useStaff(org, { ... })`.
 */
export function useStaff<K extends string>(org: TestOrg, roster: Record<K, RosterEntry>): Record<K, Member> {
  const enrolled = {} as Record<K, Member>;
  beforeAll(async () => {
    Object.assign(enrolled, await enrollStaff(org, roster));
  });
  const member = (key: K): Member => {
    const real = () => {
      if (!enrolled[key]) throw new Error(`staff member "${key}" is read before the roster was enrolled`);
      return enrolled[key];
    };
    return new Proxy({} as Member, {
      get: (_, prop) => Reflect.get(real(), prop),
      has: (_, prop) => Reflect.has(real(), prop),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_, prop) => Reflect.getOwnPropertyDescriptor(real(), prop),
    });
  };
  return Object.fromEntries((Object.keys(roster) as K[]).map((key) => [key, member(key)])) as Record<
    K,
    Member
  >;
}
