import { describe, expect, it } from 'vitest';
import { applyInput } from '../../worker/complaints/flow';
import type { DraftData, Step } from '../../worker/complaints/flow-steps';
import type { FlowInput, Outcome } from '../../worker/complaints/flow-types';
import { corruption, ctx, filledAnon, filledGrievance, grievance, story } from './support/flow-fixtures';

type Row = [string, Step, DraftData, FlowInput, Partial<Outcome> & Record<string, unknown>];

describe('applyInput: identity, consent, summary and edits', () => {
  it.each<Row>([
    // name and phone: values leave as secrets, never in data
    [
      'a name',
      'name',
      { ...corruption, identity: 'confidential' },
      { kind: 'text', text: ' สมศรี ใจกล้า ' },
      {
        type: 'next',
        step: 'phone',
        secret: { field: 'name', value: 'สมศรี ใจกล้า' },
        data: { ...corruption, identity: 'confidential', nameGiven: true },
      },
    ],
    [
      'a phone number as a name',
      'name',
      { ...corruption, identity: 'confidential' },
      { kind: 'text', text: '0812345678' },
      { type: 'hint', hint: 'name_invalid' },
    ],
    [
      'a phone',
      'phone',
      { ...corruption, identity: 'confidential', nameGiven: true },
      { kind: 'text', text: '081-234-5678' },
      { type: 'next', step: 'summary', secret: { field: 'phone', value: '0812345678' } },
    ],
    [
      'a bad phone',
      'phone',
      grievance,
      { kind: 'text', text: '1234' },
      { type: 'hint', hint: 'phone_invalid' },
    ],
    [
      'skip the phone (confidential)',
      'phone',
      { ...corruption, identity: 'confidential' },
      { kind: 'skip' },
      { type: 'hint', hint: 'phone_required' },
    ],
    [
      'skip the phone (general, opened from the summary)',
      'phone',
      { ...filledGrievance, editing: true },
      { kind: 'skip' },
      { type: 'next', step: 'summary', data: { ...filledGrievance, phoneGiven: null } },
    ],
    // consent, summary, edit
    [
      'consent',
      'consent',
      { ...filledAnon, consented: undefined },
      { kind: 'consent', agree: true },
      { type: 'next', step: 'summary' },
    ],
    [
      'no consent',
      'consent',
      { ...filledAnon, consented: undefined },
      { kind: 'consent', agree: false },
      { type: 'hint', hint: 'consent_declined' },
    ],
    ['confirm a complete draft', 'summary', filledAnon, { kind: 'confirm' }, { type: 'submit' }],
    [
      'confirm is the consent (the notice stands above the card)',
      'summary',
      { ...filledAnon, consented: undefined },
      { kind: 'confirm' },
      { type: 'submit' },
    ],
    [
      'confirm with the identity choice missing',
      'summary',
      { ...filledAnon, identity: undefined },
      { kind: 'confirm' },
      { type: 'next', step: 'identity', data: { ...filledAnon, identity: undefined, editing: true } },
    ],
    [
      "the card's date picker sets the date and stays",
      'summary',
      { ...filledAnon, occurred: undefined },
      { kind: 'date', date: '2026-11-20' },
      { type: 'next', step: 'summary', data: { ...filledAnon, occurred: { date: '2026-11-20' } } },
    ],
    [
      'a date picked for tomorrow',
      'summary',
      filledAnon,
      { kind: 'date', date: '2026-11-22' },
      { type: 'hint', hint: 'date_invalid' },
    ],
    [
      '"ขอให้โทรกลับ" opens the phone at once',
      'summary',
      filledGrievance,
      { kind: 'edit', step: 'phone' },
      { type: 'next', step: 'phone', data: { ...filledGrievance, editing: true } },
    ],
    [
      'text at the summary',
      'summary',
      filledAnon,
      { kind: 'text', text: 'โอเค' },
      { type: 'hint', hint: 'confirm_or_edit' },
    ],
    [
      'back at the summary opens the edit menu',
      'summary',
      filledAnon,
      { kind: 'back' },
      { type: 'next', step: 'edit' },
    ],
    [
      'edit the description',
      'edit',
      filledAnon,
      { kind: 'edit', step: 'description' },
      { type: 'next', step: 'description', data: { ...filledAnon, editing: true } },
    ],
    [
      'edit the consent (not offered)',
      'edit',
      filledAnon,
      { kind: 'edit', step: 'consent' },
      { type: 'hint', hint: 'choose_field' },
    ],
    [
      'after an edit, back to the summary',
      'description',
      { ...filledAnon, editing: true },
      { kind: 'text', text: `${story} เพิ่มเติม` },
      { type: 'next', step: 'summary' },
    ],
    [
      'editing to confidential asks name and phone before the summary',
      'identity',
      { ...filledAnon, editing: true },
      { kind: 'identity', mode: 'confidential' },
      { type: 'next', step: 'name', clearIdentity: true },
    ],
    [
      'back while editing returns to the menu',
      'place',
      { ...filledAnon, editing: true },
      { kind: 'back' },
      { type: 'next', step: 'edit' },
    ],
    ['cancel asks first, anywhere', 'when', corruption, { kind: 'cancel' }, { type: 'ask_cancel' }],
    ['a confirmed cancel', 'place', corruption, { kind: 'cancel', confirmed: true }, { type: 'cancel' }],
    ['a confirmed cancel at the offer', 'offer', {}, { kind: 'cancel', confirmed: true }, { type: 'cancel' }],
  ])('%s', (_name, step, data, input, expected) => {
    expect(applyInput(step, data, input, ctx)).toMatchObject(expected);
  });

  it('changing the track drops what belongs to the old one (category, identity, consent)', () => {
    const out = applyInput('track', filledAnon, { kind: 'track', track: 'grievance' }, ctx);
    expect(out).toMatchObject({ type: 'next', step: 'category', clearIdentity: true });
    const data = (out as Extract<Outcome, { type: 'next' }>).data;
    expect(data).toMatchObject({
      track: 'grievance',
      identity: 'identified',
      description: story,
      evidenceDone: true,
    });
    expect(data.categoryCode).toBeUndefined();
    expect(data.consented).toBeUndefined();
    expect(data.involved).toBeUndefined();
  });

  it('never puts a name or phone into the draft data', () => {
    const named = applyInput(
      'name',
      { ...corruption, identity: 'confidential' },
      { kind: 'text', text: 'สมศรี ใจกล้า' },
      ctx,
    );
    expect(JSON.stringify((named as { data: unknown }).data)).not.toContain('สมศรี');
    const phoned = applyInput('phone', grievance, { kind: 'text', text: '0812345678' }, ctx);
    expect(JSON.stringify((phoned as { data: unknown }).data)).not.toContain('0812345678');
  });
});
