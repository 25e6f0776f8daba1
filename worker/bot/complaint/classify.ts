import {
  type ComplaintTrack,
  type InvolvedRole,
  involvedRoles,
  trackNames,
} from '../../../schema/contracts/complaint';
import type { WebhookEvent } from '../../../schema/contracts/line-webhook';
import type { EvidenceMessage } from '../../complaints/evidence';
import type { FlowInput } from '../../complaints/flow-types';
import { type Step, steps } from '../../complaints/flow-steps';
import { normalizeText } from '../text-router';
import { retaliationCode } from '../../cases/checkin';
import { isAside } from './asides';
import { type FlowPostback, parsePostback, trackFromArg } from './postback-data';

/** What a 1:1 event means to the complaint flow (pure; no draft needed to decide). */
export type ChatInput =
  | { kind: 'entry'; track?: ComplaintTrack; related?: string }
  | { kind: 'resume'; button?: FlowPostback }
  | { kind: 'restart'; track?: ComplaintTrack; button?: FlowPostback }
  | { kind: 'flow'; input: FlowInput; button?: FlowPostback; refused?: 'video' | 'audio' }
  | { kind: 'evidence'; message: EvidenceMessage }
  | { kind: 'aside'; text: string }
  | { kind: 'foreign' };

/** Typed words that start a complaint, as the welcome's quick replies send them and as people type them. */
const ENTRY_WORDS: Record<string, ComplaintTrack | undefined> = {
  [trackNames.corruption.short]: 'corruption',
  ร้องเรียนทุจริต: 'corruption',
  แจ้งเบาะแส: 'corruption',
  แจ้งเบาะแสการทุจริต: 'corruption',
  แจ้งเบาะแสทุจริต: 'corruption',
  [trackNames.grievance.short]: 'grievance',
  ร้องทุกข์: 'grievance',
  ร้องเรียน: undefined,
};

/** Typed words that work like the buttons (people type them, or old clients send them). */
const COMMAND_WORDS: Record<string, FlowInput> = {
  ยกเลิก: { kind: 'cancel' },
  ยืนยันยกเลิก: { kind: 'cancel', confirmed: true },
  แก้ไข: { kind: 'back' },
  ย้อนกลับ: { kind: 'back' },
  กลับ: { kind: 'back' },
  ข้าม: { kind: 'skip' },
  ไม่ระบุ: { kind: 'skip' },
  ไม่ทราบ: { kind: 'skip' },
  ไม่มี: { kind: 'skip' },
  เสร็จแล้ว: { kind: 'done' },
  ไม่มีหลักฐาน: { kind: 'done' },
  ยืนยัน: { kind: 'confirm' },
  ยืนยันส่งเรื่อง: { kind: 'confirm' },
  คงเดิม: { kind: 'keep' },
  ใช้ข้อมูลเดิม: { kind: 'keep' },
  ยินยอม: { kind: 'consent', agree: true },
  ไม่ยินยอม: { kind: 'consent', agree: false },
  ไม่เปิดเผยตัวตน: { kind: 'identity', mode: 'anonymous' },
  'ไม่รับแจ้งทาง LINE': { kind: 'identity', mode: 'anonymous', silent: true },
  แจ้งชื่อแบบลับ: { kind: 'identity', mode: 'confidential' },
};
const RESUME_WORDS: Record<string, 'resume' | 'restart'> = { ทำต่อ: 'resume', เริ่มใหม่: 'restart' };

/** The typed entry word's track, if `text` is one (`null` if it is not an entry word at all). */
export function entryTrack(text: string): { track?: ComplaintTrack } | null {
  const key = normalizeText(text).replace(/\s+/g, '');
  return key in ENTRY_WORDS ? { track: ENTRY_WORDS[key] } : null;
}

/** Classifies a 1:1 message or postback event for the complaint flow. */
export function classifyEvent(event: WebhookEvent): ChatInput {
  if (event.type === 'postback') return classifyPostback(event);
  const message = (event as { message?: Record<string, unknown> }).message ?? {};
  switch (message.type) {
    case 'text': {
      const text = String(message.text ?? '');
      // The check-in's "มี ต้องการแจ้ง": a tip about retaliation, linked to the earlier case.
      const related = retaliationCode(text);
      if (related) return { kind: 'entry', track: 'corruption', related };
      const entry = entryTrack(text);
      if (entry) return { kind: 'entry', ...entry };
      const word = normalizeText(text);
      const resume = RESUME_WORDS[word];
      if (resume) return { kind: resume };
      if (isAside(text)) return { kind: 'aside', text };
      return { kind: 'flow', input: COMMAND_WORDS[word] ?? { kind: 'text', text } };
    }
    case 'location': {
      const latitude = Number(message.latitude);
      const longitude = Number(message.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return unsupported();
      const title = typeof message.title === 'string' ? message.title : undefined;
      const address = typeof message.address === 'string' ? message.address : undefined;
      return { kind: 'flow', input: { kind: 'location', title, address, latitude, longitude } };
    }
    case 'image':
    case 'file':
      return { kind: 'evidence', message: message as unknown as EvidenceMessage };
    case 'video':
    case 'audio':
      return { ...unsupported(), refused: message.type };
    default:
      return unsupported();
  }
}

function unsupported(): Extract<ChatInput, { kind: 'flow' }> {
  return { kind: 'flow', input: { kind: 'unsupported' } };
}

function classifyPostback(event: WebhookEvent): ChatInput {
  const postback = (event as { postback?: { data?: unknown; params?: Record<string, unknown> } }).postback;
  const button = parsePostback(String(postback?.data ?? ''));
  if (!button) return { kind: 'foreign' };
  const flow = (input: FlowInput): ChatInput => ({ kind: 'flow', input, button });
  switch (button.action) {
    case 'resume':
      return { kind: 'resume', button };
    case 'restart':
      return { kind: 'restart', track: trackFromArg(button.arg), button };
    case 'track': {
      const track = trackFromArg(button.arg);
      return flow(track ? { kind: 'track', track } : { kind: 'unsupported' });
    }
    case 'cat':
      return flow({ kind: 'category', code: button.arg });
    case 'id':
      return flow(
        button.arg === 'conf'
          ? { kind: 'identity', mode: 'confidential' }
          : { kind: 'identity', mode: 'anonymous', silent: button.arg === 'silent' },
      );
    case 'consent':
      return flow({ kind: 'consent', agree: button.arg === 'y' });
    case 'edit': {
      const step = (steps as readonly string[]).includes(button.arg) ? (button.arg as Step) : undefined;
      return flow({ kind: 'edit', step });
    }
    case 'role':
      return flow(
        (involvedRoles as readonly string[]).includes(button.arg)
          ? { kind: 'involved_role', role: button.arg as InvolvedRole }
          : { kind: 'unsupported' },
      );
    case 'unit':
      return flow(
        /^\d{1,9}$/.test(button.arg)
          ? { kind: 'involved_unit', unitId: Number(button.arg) }
          : { kind: 'unsupported' },
      );
    case 'cancel':
      return flow({ kind: 'cancel', confirmed: button.arg === 'y' });
    case 'offer':
      return flow({ kind: button.arg === 'y' ? 'accept' : 'choose' });
    case 'date': {
      const date = postback?.params?.date;
      return flow(typeof date === 'string' ? { kind: 'date', date } : { kind: 'unsupported' });
    }
    default:
      return flow({ kind: button.action });
  }
}
