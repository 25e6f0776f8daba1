import {
  type ComplaintTrack,
  type IdentityMode,
  retentionDefaults,
} from '../../schema/contracts/complaint-rules';

/** A retention period as people say it: whole years in years, otherwise days. */
export function retentionPeriodText(days: number): string {
  return days % 365 === 0 ? `${days / 365} ปี` : `${days.toLocaleString('en-US')} วัน`;
}

/**
 * The privacy notice (PDPA) shown before consent, worded for the person's own choices: a title line,
 * then one line per promise. Shared by the chat flow and the LIFF form; it must stay true to
 * docs/privacy.md: what is kept, who can read it, for how long.
 */
export function privacyNoticeLines(
  orgName: string,
  track: ComplaintTrack,
  identity: IdentityMode,
  retentionDays = retentionDefaults[track],
): string[] {
  const lines = [
    'ประกาศความเป็นส่วนตัว (PDPA)',
    `${orgName}จะใช้ข้อมูลที่ท่านให้เพื่อตรวจสอบและดำเนินการเรื่องนี้ และแจ้งผลให้ท่านทราบเท่านั้น`,
  ];
  if (identity === 'anonymous') {
    lines.push(
      '• ท่านเลือกไม่เปิดเผยตัวตน: ระบบไม่เก็บชื่อและเบอร์โทรของท่าน',
      '• ระบบเก็บรหัสบัญชี LINE ของท่านแบบเข้ารหัส เพื่อส่งความคืบหน้าให้ท่านเท่านั้น เจ้าหน้าที่เปิดดูไม่ได้',
    );
  } else if (identity === 'confidential') {
    lines.push(
      '• ชื่อ เบอร์โทร และบัญชี LINE ของท่านถูกเข้ารหัส เปิดดูได้เฉพาะเจ้าหน้าที่ที่ได้รับมอบหมายดูแลเรื่องทุจริต เพื่อสอบถามข้อมูลเพิ่มเติม และจะไม่เปิดเผยต่อผู้ถูกร้องเรียน',
    );
  } else {
    lines.push(
      '• ระบบเก็บบัญชี LINE ของท่าน (และเบอร์โทร หากให้ไว้) แบบเข้ารหัส เพื่อแจ้งความคืบหน้า และให้เจ้าหน้าที่ผู้รับผิดชอบติดต่อกลับเมื่อจำเป็น',
    );
  }
  lines.push(
    track === 'corruption'
      ? '• รายละเอียดและหลักฐานเปิดดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบเรื่องทุจริต'
      : '• รายละเอียดและหลักฐานส่งถึงหน่วยงานที่รับผิดชอบเรื่องนี้',
    '• รูปภาพที่แนบ ระบบลบข้อมูลตำแหน่งและกล้องออกก่อนจัดเก็บ',
    `• เมื่อเรื่องเสร็จสิ้นครบ ${retentionPeriodText(retentionDays)} ระบบลบชื่อ ช่องทางติดต่อ หลักฐาน และรายละเอียดของเรื่อง เหลือไว้เพียงตัวเลขสถิติ`,
    '• ร่างเรื่องที่ยังไม่ส่งจะถูกลบอัตโนมัติเมื่อไม่มีการใช้งานครบ 7 วัน',
    `• ท่านขอเข้าถึง แก้ไข หรือลบข้อมูลของท่านได้ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562: พิมพ์ "ข้อมูลของฉัน" ในแชตของ${orgName} หรือติดต่อ${orgName}`,
  );
  return lines;
}

/** The notice as one chat message, ending with the consent question. */
export function privacyNotice(orgName: string, track: ComplaintTrack, identity: IdentityMode): string {
  return [...privacyNoticeLines(orgName, track, identity), '', 'ท่านยินยอมให้ใช้ข้อมูลตามประกาศนี้หรือไม่'].join('\n');
}

/** The notice above the chat's summary card, whose confirm button is the consent. */
export function privacyNoticeBeforeConfirm(
  orgName: string,
  track: ComplaintTrack,
  identity: IdentityMode,
  retentionDays?: number,
): string {
  return [
    ...privacyNoticeLines(orgName, track, identity, retentionDays),
    '',
    'การกด "ยืนยันส่งเรื่อง" ด้านล่าง คือการยินยอมให้ใช้ข้อมูลตามประกาศนี้',
  ].join('\n');
}
