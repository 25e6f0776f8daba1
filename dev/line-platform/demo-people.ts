import type { DemoOrganization } from '../demo-organizations';
import type { KnownGroup, KnownUser } from './state';

/*
 * People the chat page offers out of the box. The ids are fixed (sha256-derived once) so that a
 * conversation started today is the same conversation tomorrow, and tests can name them.
 */
export const demoResidents: KnownUser[] = [
  { userId: 'Ua1e6c1d552a0d80662767236664fa1d7', displayName: 'มานี', language: 'th' },
  { userId: 'U8811b8933e15e41a2cf40d73aa687578', displayName: 'ปิติ', language: 'th' },
  { userId: 'Ue604daa6ad7fb52f6fdf04409a6c01f8', displayName: 'ชูใจ', language: 'th' },
  { userId: 'U049db6d93972a075f640ef8d25c9b8e8', displayName: 'วีระ', language: 'th' },
];

export const demoStaff: KnownUser[] = [
  { userId: 'Ud7045b03cc37b091fc36b7030431b180', displayName: 'สมหญิง (เจ้าหน้าที่)', language: 'th' },
  { userId: 'U748fa7e57c5499b302012c0d4dcbc993', displayName: 'ธนา (เจ้าหน้าที่)', language: 'th' },
  { userId: 'U09b7b118d630859d36ee0c184ad53259', displayName: 'อรุณี (เจ้าหน้าที่)', language: 'th' },
];

const STAFF_GROUP_IDS: Record<string, string> = {
  chanthaburi: 'C461aefd7614b95d5b2efa375442d14fe',
  trang: 'C7fb8ad9d7c2d0f2a3420ec7001df768f',
  'mueang-chan': 'C9532a9eb2c6042526e7839f46d56d230',
  lampang: 'C4f9bf55a1be1c4cf7b92442451f817b7',
};

/** One staff group per demo channel, with the three demo staff members. */
export function demoStaffGroups(channels: DemoOrganization[]): KnownGroup[] {
  return channels.flatMap((channel) => {
    const groupId = STAFF_GROUP_IDS[channel.slug];
    if (!groupId) return [];
    return [
      {
        channel: channel.slug,
        groupId,
        groupName: `เจ้าหน้าที่ ${channel.name}`,
        memberIds: demoStaff.map((staff) => staff.userId),
      },
    ];
  });
}
