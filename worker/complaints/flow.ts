import { type ComplaintTrack, complaintLimits, normalizeThaiPhone } from '../../schema/contracts/complaint';
import {
  type DraftData,
  editableSteps,
  firstMissing,
  isAnswered,
  type PlaceAnswer,
  type Step,
  stepsFor,
} from './flow-steps';
import type { FlowContext, FlowInput, Hint, Outcome } from './flow-types';

/**
 * What each input does at each step of the complaint conversation (pure; see flow-steps.ts for the
 * steps themselves). The chat handler loads the draft, calls `applyInput`, and stores what comes out.
 * Identity values (name, phone) never enter the draft data: they come out as `secret` to be sealed.
 */

// The next step still without an answer: what a first message or an earlier answer already gave is
// never asked again (nothing a person must type twice), and an edit goes back to the summary.
function advance(data: DraftData, from: Step): { step: Step; data: DraftData } {
  const sequence = stepsFor(data);
  const after = sequence.slice(sequence.indexOf(from) + 1);
  const step = after.find((s) => s === 'summary' || !isAnswered(s, data)) ?? 'summary';
  return { step, data: step === 'summary' ? { ...data, editing: undefined } : data };
}

function next(data: DraftData, from: Step, extra: Partial<Extract<Outcome, { type: 'next' }>> = {}): Outcome {
  return { type: 'next', ...advance(data, from), ...extra };
}

function retreat(data: DraftData, from: Step): Outcome {
  if (from === 'summary') return { type: 'next', step: 'edit', data };
  if (from === 'edit') return { type: 'next', step: 'summary', data: { ...data, editing: undefined } };
  if (data.editing) return { type: 'next', step: 'edit', data: { ...data, editing: undefined } };
  const sequence = stepsFor(data);
  const previous = sequence[sequence.indexOf(from) - 1];
  return previous ? { type: 'next', step: previous, data } : { type: 'hint', hint: 'first_step' };
}

function setTrack(data: DraftData, track: ComplaintTrack): { data: DraftData; changed: boolean } {
  if (data.track === track) return { data, changed: false };
  // Category, people involved and the identity choice belong to a track; the story and evidence do not.
  const { categoryCode, involved, involvedRole, involvedUnitId, identity, silent, ...rest } = data;
  const { nameGiven, phoneGiven, consented, ...kept } = rest;
  return {
    data: { ...kept, track, ...(track === 'grievance' ? { identity: 'identified' as const } : {}) },
    changed: data.track !== undefined,
  };
}

function textAnswer(text: string, max: number): { value: string } | { hint: Hint } {
  const value = text.trim();
  if (!value) return { hint: 'text_expected' };
  return value.length > max ? { hint: 'text_too_long' } : { value };
}

/** What one input does to a draft at its current step. */
export function applyInput(step: Step, data: DraftData, input: FlowInput, ctx: FlowContext): Outcome {
  // A draft holds what the person wrote and sent: it is deleted only when they say so twice.
  if (input.kind === 'cancel') return input.confirmed ? { type: 'cancel' } : { type: 'ask_cancel' };
  if (step === 'offer') return applyAtOffer(data, input, ctx);
  if (input.kind === 'back') return retreat(data, step);
  if (input.kind === 'unsupported') return { type: 'hint', hint: 'unsupported' };
  if (input.kind === 'keep') {
    return isAnswered(step, data) ? next(data, step) : { type: 'hint', hint: 'nothing_to_keep' };
  }
  return applyAtStep(step, data, input, ctx);
}

/**
 * Evidence stored while the draft is at `step`: the evidence question counts as answered, and at
 * that step the flow moves on (more files can still be sent at any later step).
 */
export function afterEvidence(step: Step, data: DraftData): { step: Step; data: DraftData } {
  const answered = { ...data, evidenceDone: true };
  return step === 'evidence' ? advance(answered, step) : { step, data: answered };
}

// "ต้องการแจ้งเรื่องนี้ไหม": what was sent first is kept and more can follow; nothing is filed until the
// person takes the suggested track or picks one.
function applyAtOffer(data: DraftData, input: FlowInput, ctx: FlowContext): Outcome {
  const withTrack = (track: ComplaintTrack): Outcome => {
    const chosen = setTrack(data, track).data;
    const code = data.suggested?.track === track ? data.suggested.categoryCode : undefined;
    const known = code && ctx.categories.some((c) => c.code === code);
    const picked: DraftData = { ...chosen, suggested: undefined, ...(known ? { categoryCode: code } : {}) };
    return { type: 'next', ...advance(picked, 'track') };
  };
  switch (input.kind) {
    case 'accept':
      return data.suggested?.track ? withTrack(data.suggested.track) : { type: 'hint', hint: 'choose_track' };
    case 'track':
      return withTrack(input.track);
    case 'choose':
      return { type: 'next', step: 'track', data: { ...data, suggested: undefined } };
    case 'location': {
      const place = placeOf(input);
      return { type: 'next', step: 'offer', data: { ...data, place } };
    }
    case 'text': {
      const value = [data.description, input.text.trim()].filter(Boolean).join('\n');
      // Too short to be the story ("ไฟดับ"): it still tells the track and category; the story is asked later.
      if (value.length < complaintLimits.descriptionMin) {
        const suggested = ctx.guess?.(value) ?? data.suggested;
        return { type: 'next', step: 'offer', data: { ...data, suggested } };
      }
      if (value.length > complaintLimits.descriptionMax) return { type: 'hint', hint: 'description_long' };
      const suggested = ctx.guess?.(value) ?? data.suggested;
      return { type: 'next', step: 'offer', data: { ...data, description: value, suggested } };
    }
    default:
      return { type: 'hint', hint: 'choose_track' };
  }
}

function placeOf(input: Extract<FlowInput, { kind: 'location' }>): PlaceAnswer {
  const { title, address, latitude, longitude } = input;
  const place: PlaceAnswer = { latitude, longitude };
  if (title?.trim()) place.text = title.trim().slice(0, complaintLimits.placeMax);
  if (address?.trim()) place.address = address.trim().slice(0, complaintLimits.placeMax);
  return place;
}

function applyAtStep(step: Step, data: DraftData, input: FlowInput, ctx: FlowContext): Outcome {
  const text = input.kind === 'text' ? input.text : null;
  switch (step) {
    case 'track': {
      if (input.kind !== 'track') return { type: 'hint', hint: 'choose_track' };
      const changed = setTrack(data, input.track);
      return next(changed.data, step, changed.changed ? { clearIdentity: true } : {});
    }
    case 'category': {
      const typed = text === null ? undefined : ctx.categories.find((c) => c.name === text.trim());
      const code = input.kind === 'category' ? input.code : typed?.code;
      if (!code || !ctx.categories.some((c) => c.code === code))
        return { type: 'hint', hint: 'choose_category' };
      return next({ ...data, categoryCode: code }, step);
    }
    case 'description': {
      if (text === null)
        return { type: 'hint', hint: input.kind === 'skip' ? 'cannot_skip' : 'text_expected' };
      const value = text.trim();
      if (value.length < complaintLimits.descriptionMin) return { type: 'hint', hint: 'description_short' };
      if (value.length > complaintLimits.descriptionMax) return { type: 'hint', hint: 'description_long' };
      return next({ ...data, description: value }, step);
    }
    case 'place': {
      if (input.kind === 'skip') return next({ ...data, place: null }, step);
      if (input.kind === 'location') return next({ ...data, place: placeOf(input) }, step);
      if (text === null) return { type: 'hint', hint: 'text_expected' };
      const answer = textAnswer(text, complaintLimits.placeMax);
      return 'hint' in answer
        ? { type: 'hint', hint: answer.hint }
        : next({ ...data, place: { text: answer.value } }, step);
    }
    case 'when': {
      if (input.kind === 'skip') return next({ ...data, occurred: null }, step);
      if (input.kind === 'date') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || input.date > ctx.today)
          return { type: 'hint', hint: 'date_invalid' };
        return next({ ...data, occurred: { date: input.date } }, step);
      }
      if (text === null) return { type: 'hint', hint: 'text_expected' };
      const answer = textAnswer(text, complaintLimits.occurredMax);
      return 'hint' in answer
        ? { type: 'hint', hint: answer.hint }
        : next({ ...data, occurred: { text: answer.value } }, step);
    }
    case 'evidence':
      if (input.kind === 'done' || input.kind === 'skip') return next({ ...data, evidenceDone: true }, step);
      return { type: 'hint', hint: 'evidence_expected' };
    case 'involved': {
      // A role chip (and, for staff of a unit, a unit chip) stays on the step for the optional name.
      if (input.kind === 'involved_role')
        return { type: 'next', step, data: { ...data, involvedRole: input.role, involvedUnitId: undefined } };
      const choosingUnit = data.involvedRole === 'unit_staff' && data.involvedUnitId === undefined;
      if (input.kind === 'involved_unit') {
        if (!choosingUnit || !ctx.units?.some((u) => u.id === input.unitId))
          return { type: 'hint', hint: 'choose_unit' };
        return { type: 'next', step, data: { ...data, involvedUnitId: input.unitId } };
      }
      if (input.kind === 'skip' && choosingUnit)
        return { type: 'next', step, data: { ...data, involvedUnitId: null } };
      if (input.kind === 'skip') return next({ ...data, involved: null }, step);
      if (text === null) return { type: 'hint', hint: 'text_expected' };
      const answer = textAnswer(text, complaintLimits.involvedMax);
      return 'hint' in answer
        ? { type: 'hint', hint: answer.hint }
        : next({ ...data, involved: answer.value }, step);
    }
    case 'identity': {
      if (input.kind !== 'identity') return { type: 'hint', hint: 'choose_identity' };
      const silent = input.mode === 'anonymous' && input.silent === true;
      if (data.identity === input.mode && (data.silent === true) === silent) return next(data, step);
      const { nameGiven, phoneGiven, consented, silent: _was, ...kept } = data;
      return next({ ...kept, identity: input.mode, ...(silent ? { silent } : {}) }, step, {
        clearIdentity: true,
      });
    }
    case 'name': {
      const value = text?.trim() ?? '';
      if (
        value.length < complaintLimits.nameMin ||
        value.length > complaintLimits.nameMax ||
        /\d{3}/.test(value)
      )
        return { type: 'hint', hint: 'name_invalid' };
      return next({ ...data, nameGiven: true }, step, { secret: { field: 'name', value } });
    }
    case 'phone': {
      if (input.kind === 'skip') {
        if (data.identity === 'confidential') return { type: 'hint', hint: 'phone_required' };
        return next({ ...data, phoneGiven: null }, step, { clearIdentity: true });
      }
      const phone = text === null ? null : normalizeThaiPhone(text);
      if (!phone) return { type: 'hint', hint: 'phone_invalid' };
      return next({ ...data, phoneGiven: true }, step, { secret: { field: 'phone', value: phone } });
    }
    case 'consent':
      if (input.kind !== 'consent') return { type: 'hint', hint: 'consent_expected' };
      if (!input.agree) return { type: 'hint', hint: 'consent_declined' };
      return next({ ...data, consented: true }, step);
    case 'summary': {
      // The card's "ขอให้โทรกลับ" opens its field at once; "แก้ไขข้อมูล" the list of fields.
      if (input.kind === 'edit' && input.step && editableSteps(data).includes(input.step))
        return { type: 'next', step: input.step, data: { ...data, editing: true } };
      if (input.kind === 'edit') return { type: 'next', step: 'edit', data };
      // The card's date picker: the optional date is set where it is offered.
      if (input.kind === 'date') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || input.date > ctx.today)
          return { type: 'hint', hint: 'date_invalid' };
        return { type: 'next', step, data: { ...data, occurred: { date: input.date } } };
      }
      if (input.kind !== 'confirm') return { type: 'hint', hint: 'confirm_or_edit' };
      const missing = firstMissing(data);
      // The card shows the privacy notice and says that confirming is consenting to it.
      if (!missing) return { type: 'submit' };
      return { type: 'next', step: missing, data: { ...data, editing: true } };
    }
    case 'offer':
      return applyAtOffer(data, input, ctx);
    case 'edit': {
      if (input.kind !== 'edit' || !input.step) return { type: 'hint', hint: 'choose_field' };
      if (input.step === 'summary')
        return { type: 'next', step: 'summary', data: { ...data, editing: undefined } };
      if (!editableSteps(data).includes(input.step)) return { type: 'hint', hint: 'choose_field' };
      return { type: 'next', step: input.step, data: { ...data, editing: true } };
    }
  }
}
