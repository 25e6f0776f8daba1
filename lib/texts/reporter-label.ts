import type { IdentityMode } from '../../schema/contracts/complaint-rules';

const labels: Record<IdentityMode, string> = {
  anonymous: 'ไม่เปิดเผยตัวตน',
  confidential: 'แจ้งชื่อแบบลับ (ข้อมูลผู้แจ้งถูกปกปิด)',
  identified: 'ติดต่อกลับผ่าน LINE ของหน่วยงานได้',
};

/**
 * How staff see who reported a case (chat card and staff LIFF alike). A reporter who chose not to be
 * reached in LINE is said so, because nothing staff send will reach them until they open the case.
 */
export function reporterLabel(c: {
  identityMode: IdentityMode;
  reachInLine: boolean;
  callbackPhone?: boolean;
}): string {
  if (c.callbackPhone) return `${labels[c.identityMode]} และขอให้โทรกลับ (ผู้รับผิดชอบดูเบอร์ได้ในหน้ารายละเอียดเรื่อง)`;
  return c.reachInLine
    ? labels[c.identityMode]
    : `${labels[c.identityMode]} ไม่รับข้อความทาง LINE (ผู้แจ้งเห็นความคืบหน้าเมื่อเปิดเรื่องด้วยเลขรับเรื่องและ PIN)`;
}

/** After an action that would have told the complainant, when they chose not to be reached in LINE. */
export const silentReporterNote =
  'ผู้แจ้งเลือกไม่รับข้อความทาง LINE จึงไม่มีข้อความส่งถึงผู้แจ้ง ผู้แจ้งจะเห็นความคืบหน้าและคำถามเมื่อเปิดเรื่องด้วยเลขรับเรื่องและ PIN';
