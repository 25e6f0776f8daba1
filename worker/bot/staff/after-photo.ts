import { afterPhotoOnlyText, afterPhotoRefusalText } from '../../../lib/texts/after-photo-texts';
import { finalStatuses } from '../../../schema/contracts/staff';
import { storeAfterPhoto, takesAfterPhoto } from '../../cases/after-photos';
import { canRead } from '../../cases/case-machine';
import { getCase } from '../../cases/cases-data';
import type { StaffPrompt } from '../../cases/prompts-data';
import { type EvidenceMessage, receiveContent } from '../../complaints/evidence';
import type { StaffMember } from '../../staff/staff-data';
import { choiceMessage } from '../../cases/cards/case-card';
import { promptQuestion } from './case-choices';
import { type StaffTurn, say, sayText } from './turn';

/**
 * A photo a staff member sends while the chat waits for the result of a closing (the prompt the
 * "ปิดเรื่อง" buttons leave): for a grievance closed as resolved it is stored as the case's after photo
 * and goes to the complainant with the result their next text closes the case with (the newest photo
 * when several are sent); anything else is answered with why, and the prompt stays. False when this
 * message is not for the prompt (no closing prompt, or not a photo or file).
 */
export async function onPromptPhoto(
  turn: StaffTurn,
  actor: StaffMember,
  prompt: StaffPrompt,
): Promise<boolean> {
  const message = (turn.event as unknown as { message?: EvidenceMessage }).message;
  if (prompt.action !== 'cls' || (message?.type !== 'image' && message?.type !== 'file')) return false;
  const { db, org } = turn.ctx;
  const c = await getCase(db, org.id, prompt.complaintId);
  // The prompt was left after an access check; roles may have changed since.
  if (!c || finalStatuses.includes(c.status) || !canRead(c, actor)) return false;
  if (!takesAfterPhoto(c, prompt.arg)) return sayText(turn, afterPhotoOnlyText).then(() => true);
  if (message.type !== 'image')
    return sayText(turn, afterPhotoRefusalText('unsupported_type')).then(() => true);
  const bytes = await receiveContent({ line: turn.ctx.line }, message);
  const stored =
    typeof bytes === 'string'
      ? bytes
      : await storeAfterPhoto(
          { db, bucket: turn.ctx.env.EVIDENCE, orgId: org.id, now: turn.ctx.now() },
          c.id,
          {
            bytes,
            sourceRef: message.id,
          },
        );
  if (typeof stored === 'string') {
    // 'too_many' and 'word_document' cannot come from an image message; they read as a type refusal.
    const reason = stored === 'too_many' || stored === 'word_document' ? 'unsupported_type' : stored;
    return sayText(turn, afterPhotoRefusalText(reason)).then(() => true);
  }
  await say(turn, [
    {
      type: 'text',
      text: `ได้รับรูปหลังแก้ไขเรื่อง ${c.code} แล้ว จะส่งให้ผู้ร้องเรียนพร้อมผลการดำเนินการ (ส่งรูปใหม่เพื่อใช้แทนได้)`,
    },
    choiceMessage(promptQuestion(c, 'cls', prompt.arg), c, []),
  ]);
  return true;
}
