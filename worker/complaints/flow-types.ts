import type { ComplaintTrack, InvolvedRole } from '../../schema/contracts/complaint';
import type { DraftData, Step } from './flow-steps';

/** The inputs the complaint flow understands (classified from LINE events) and what they lead to. */
export type FlowInput =
  | { kind: 'back' | 'skip' | 'keep' | 'done' | 'confirm' | 'unsupported' }
  /** Cancel asks first; `confirmed` is the answer (or the offer's "ไม่แจ้ง"). */
  | { kind: 'cancel'; confirmed?: boolean }
  /** The offer's "แจ้งเรื่องนี้" (take the suggestion) and "เลือกประเภทอื่น". */
  | { kind: 'accept' | 'choose' }
  | { kind: 'track'; track: ComplaintTrack }
  | { kind: 'category'; code: string }
  | { kind: 'text'; text: string }
  | { kind: 'location'; title?: string; address?: string; latitude: number; longitude: number }
  | { kind: 'date'; date: string }
  | { kind: 'identity'; mode: 'anonymous' | 'confidential'; silent?: boolean }
  | { kind: 'consent'; agree: boolean }
  | { kind: 'involved_role'; role: InvolvedRole }
  | { kind: 'involved_unit'; unitId: number }
  | { kind: 'edit'; step?: Step };

export type Hint =
  | 'first_step'
  | 'choose_track'
  | 'choose_category'
  | 'description_short'
  | 'description_long'
  | 'text_too_long'
  | 'date_invalid'
  | 'evidence_expected'
  | 'media_not_here'
  | 'choose_identity'
  | 'name_invalid'
  | 'phone_invalid'
  | 'phone_required'
  | 'consent_declined'
  | 'consent_expected'
  | 'confirm_or_edit'
  | 'choose_field'
  | 'unsupported'
  | 'nothing_to_keep'
  | 'cannot_skip'
  | 'text_expected'
  | 'choose_unit';

export type Outcome =
  | {
      type: 'next';
      step: Step;
      data: DraftData;
      /** An identity value to seal into the draft (never kept in `data`). */
      secret?: { field: 'name' | 'phone'; value: string };
      /** The identity choice or track changed: sealed name and phone must be dropped. */
      clearIdentity?: boolean;
    }
  | { type: 'hint'; hint: Hint }
  | { type: 'ask_cancel' }
  | { type: 'cancel' }
  | { type: 'submit' };

export interface FlowContext {
  /** Categories of the draft's track (code and button name). */
  categories: { code: string; name: string }[];
  /** The organisation's units (a tip may name the unit whose staff are involved). */
  units?: { id: number; name: string }[];
  /** Today in Thailand, "YYYY-MM-DD" (dates in the future are refused). */
  today: string;
  /**
   * At the offer step: what the words so far suggest (track and category), from the organisation's
   * categories of both tracks (report-classifier.ts).
   */
  guess?: (text: string) => { track?: ComplaintTrack; categoryCode?: string };
}
