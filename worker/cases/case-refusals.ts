import type { ComplaintStatus } from '../../schema/contracts/complaint';
import { statusNames } from '../../schema/contracts/staff';
import type { Refusal } from './case-machine';

/** Why an action was refused, as staff read it (chat replies and API error messages alike). */
export function refusalText(refusal: Refusal, status: ComplaintStatus): string {
  switch (refusal) {
    case 'stale':
      return `ข้อมูลที่เห็นไม่เป็นปัจจุบันแล้ว เรื่องนี้มีการเปลี่ยนแปลงระหว่างนั้น (สถานะล่าสุด: ${statusNames[status]}) กรุณาดูข้อมูลล่าสุดแล้วลองอีกครั้ง`;
    case 'no_access':
      return 'ท่านไม่มีสิทธิ์เข้าถึงเรื่องนี้';
    case 'not_handler':
      return 'เฉพาะผู้รับผิดชอบเรื่องนี้หรือผู้ดูแลเท่านั้นที่ทำรายการนี้ได้';
    case 'already_taken':
      return 'เรื่องนี้มีผู้รับเรื่องแล้ว';
    case 'finished':
      return 'เรื่องนี้ยุติแล้ว หากต้องดำเนินการต่อ กรุณาเปิดเรื่องใหม่ก่อน';
    case 'wrong_status':
      return `ทำรายการนี้ไม่ได้ในสถานะปัจจุบันของเรื่อง (${statusNames[status]})`;
    case 'bad_target':
      return 'ผู้ที่เลือกไม่มีหน้าที่รับผิดชอบเรื่องประเภทนี้';
    case 'not_executive':
      return 'เฉพาะผู้บริหารเท่านั้นที่สั่งการเรื่องได้';
    case 'escalation_barred':
      return 'เรื่องนี้เกี่ยวข้องกับผู้บริหารหรือปลัด จึงเสนอผู้บริหารไม่ได้ หากต้องให้หน่วยงานเหนือขึ้นไปพิจารณา กรุณาส่งต่อหน่วยงานภายนอก (นายอำเภอ ผู้ว่าราชการจังหวัด ป.ป.ช. ป.ป.ท. 1206 หรือศูนย์ดำรงธรรม 1567) พร้อมเลขอ้างอิง';
    case 'unit_on_corruption':
      return 'เรื่องร้องเรียนการทุจริตมอบหมายได้เฉพาะเจ้าหน้าที่ป้องกันการทุจริตเท่านั้น';
  }
}
