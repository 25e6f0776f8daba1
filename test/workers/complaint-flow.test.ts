import { describe, expect, it } from 'vitest';
import { applyInput } from '../../worker/complaints/flow';
import {
  type DraftData,
  firstMissing,
  progress,
  type Step,
  stepsFor,
} from '../../worker/complaints/flow-steps';
import type { FlowInput, Outcome } from '../../worker/complaints/flow-types';
import { corruption, ctx, filledAnon, grievance, story } from './support/flow-fixtures';

describe('steps of a draft', () => {
  it.each<[string, DraftData, Step[]]>([
    [
      'corruption, anonymous',
      { ...corruption, identity: 'anonymous' },
      ['track', 'category', 'description', 'place', 'evidence', 'involved', 'identity', 'summary'],
    ],
    [
      'corruption, confidential',
      { ...corruption, identity: 'confidential' },
      [
        'track',
        'category',
        'description',
        'place',
        'evidence',
        'involved',
        'identity',
        'name',
        'phone',
        'summary',
      ],
    ],
    ['general', grievance, ['track', 'category', 'description', 'place', 'evidence', 'summary']],
  ])('%s', (_name, data, expected) => {
    expect(stepsFor(data)).toEqual(expected);
  });

  it('counts progress without the summary', () => {
    expect(progress(grievance, 'description')).toEqual({ n: 3, total: 5 });
    // The optional steps, opened from the summary, are off the way: no "ขั้นที่ n/N".
    expect(progress(grievance, 'when')).toBeNull();
    expect(firstMissing(filledAnon)).toBeNull();
    // Consent is the summary's confirm; an optional answer left open is not missing.
    expect(firstMissing({ ...filledAnon, consented: undefined, occurred: undefined })).toBeNull();
    expect(firstMissing({ ...filledAnon, identity: undefined })).toBe('identity');
  });
});

type Row = [string, Step, DraftData, FlowInput, Partial<Outcome> & Record<string, unknown>];

describe('applyInput: the story (track to evidence, people involved, identity)', () => {
  it.each<Row>([
    // track and category
    [
      'a track moves to the category',
      'track',
      {},
      { kind: 'track', track: 'corruption' },
      { type: 'next', step: 'category' },
    ],
    [
      'text at the track step is a hint',
      'track',
      {},
      { kind: 'text', text: 'x' },
      { type: 'hint', hint: 'choose_track' },
    ],
    ['back at the first step is a hint', 'track', {}, { kind: 'back' }, { type: 'hint', hint: 'first_step' }],
    [
      'a known category',
      'category',
      corruption,
      { kind: 'category', code: 'bribery' },
      { type: 'next', step: 'description' },
    ],
    [
      'a typed category name',
      'category',
      corruption,
      { kind: 'text', text: 'จัดซื้อจัดจ้าง' },
      { type: 'next', step: 'description' },
    ],
    [
      'an unknown category code',
      'category',
      corruption,
      { kind: 'category', code: 'road' },
      { type: 'hint', hint: 'choose_category' },
    ],
    ['back from the category', 'category', corruption, { kind: 'back' }, { type: 'next', step: 'track' }],
    // description
    ['a story', 'description', corruption, { kind: 'text', text: story }, { type: 'next', step: 'place' }],
    [
      '9 characters',
      'description',
      corruption,
      { kind: 'text', text: 'ก'.repeat(9) },
      { type: 'hint', hint: 'description_short' },
    ],
    [
      '2,001 characters',
      'description',
      corruption,
      { kind: 'text', text: 'ก'.repeat(2001) },
      { type: 'hint', hint: 'description_long' },
    ],
    ['skip the story', 'description', corruption, { kind: 'skip' }, { type: 'hint', hint: 'cannot_skip' }],
    ['a sticker', 'description', corruption, { kind: 'unsupported' }, { type: 'hint', hint: 'unsupported' }],
    [
      'keep with nothing kept',
      'description',
      corruption,
      { kind: 'keep' },
      { type: 'hint', hint: 'nothing_to_keep' },
    ],
    [
      'keep an earlier story',
      'description',
      { ...corruption, description: story },
      { kind: 'keep' },
      { type: 'next', step: 'place' },
    ],
    // place and time
    [
      'a shared location',
      'place',
      corruption,
      { kind: 'location', title: 'ตลาดสด', address: 'ถนนพระราม', latitude: 7.56, longitude: 99.61 },
      {
        type: 'next',
        step: 'evidence',
        data: {
          ...corruption,
          place: { text: 'ตลาดสด', address: 'ถนนพระราม', latitude: 7.56, longitude: 99.61 },
        },
      },
    ],
    [
      'a typed place',
      'place',
      corruption,
      { kind: 'text', text: 'หน้าตลาด' },
      { type: 'next', data: { ...corruption, place: { text: 'หน้าตลาด' } } },
    ],
    [
      'a place over 300',
      'place',
      corruption,
      { kind: 'text', text: 'ก'.repeat(301) },
      { type: 'hint', hint: 'text_too_long' },
    ],
    [
      'skip the place',
      'place',
      corruption,
      { kind: 'skip' },
      { type: 'next', step: 'evidence', data: { ...corruption, place: null } },
    ],
    [
      'a picked date (opened from the summary) goes back to it',
      'when',
      { ...filledAnon, occurred: undefined, editing: true },
      { kind: 'date', date: '2026-11-20' },
      { type: 'next', step: 'summary', data: { ...filledAnon, occurred: { date: '2026-11-20' } } },
    ],
    [
      'a date in the future',
      'when',
      corruption,
      { kind: 'date', date: '2026-11-22' },
      { type: 'hint', hint: 'date_invalid' },
    ],
    // evidence, involved, identity
    [
      'text at the evidence step',
      'evidence',
      corruption,
      { kind: 'text', text: 'รูปอยู่ไหน' },
      { type: 'hint', hint: 'evidence_expected' },
    ],
    [
      'done with evidence (corruption)',
      'evidence',
      corruption,
      { kind: 'done' },
      { type: 'next', step: 'involved' },
    ],
    [
      'done with evidence (general)',
      'evidence',
      grievance,
      { kind: 'done' },
      { type: 'next', step: 'summary' },
    ],
    [
      'unknown people involved',
      'involved',
      corruption,
      { kind: 'skip' },
      { type: 'next', step: 'identity', data: { ...corruption, involved: null } },
    ],
    [
      'a role chip stays on the step for the optional name',
      'involved',
      corruption,
      { kind: 'involved_role', role: 'executive' },
      { type: 'next', step: 'involved', data: { ...corruption, involvedRole: 'executive' } },
    ],
    [
      'then the name moves on, keeping the role',
      'involved',
      { ...corruption, involvedRole: 'executive' },
      { kind: 'text', text: 'รองนายกฝ่ายโยธา' },
      {
        type: 'next',
        step: 'identity',
        data: { ...corruption, involvedRole: 'executive', involved: 'รองนายกฝ่ายโยธา' },
      },
    ],
    [
      'staff of a unit: a unit chip of the organisation',
      'involved',
      { ...corruption, involvedRole: 'unit_staff' },
      { kind: 'involved_unit', unitId: 4 },
      {
        type: 'next',
        step: 'involved',
        data: { ...corruption, involvedRole: 'unit_staff', involvedUnitId: 4 },
      },
    ],
    [
      'a unit of no one',
      'involved',
      { ...corruption, involvedRole: 'unit_staff' },
      { kind: 'involved_unit', unitId: 99 },
      { type: 'hint', hint: 'choose_unit' },
    ],
    [
      'a unit chip when no unit is asked',
      'involved',
      { ...corruption, involvedRole: 'council' },
      { kind: 'involved_unit', unitId: 4 },
      { type: 'hint', hint: 'choose_unit' },
    ],
    [
      'unit not known: still on the step for the name',
      'involved',
      { ...corruption, involvedRole: 'unit_staff' },
      { kind: 'skip' },
      {
        type: 'next',
        step: 'involved',
        data: { ...corruption, involvedRole: 'unit_staff', involvedUnitId: null },
      },
    ],
    [
      'involved over 500',
      'involved',
      corruption,
      { kind: 'text', text: 'ก'.repeat(501) },
      { type: 'hint', hint: 'text_too_long' },
    ],
    [
      'anonymous',
      'identity',
      corruption,
      { kind: 'identity', mode: 'anonymous' },
      { type: 'next', step: 'summary', clearIdentity: true },
    ],
    [
      'confidential',
      'identity',
      corruption,
      { kind: 'identity', mode: 'confidential' },
      { type: 'next', step: 'name' },
    ],
    [
      'text at the identity step',
      'identity',
      corruption,
      { kind: 'text', text: 'ไม่แน่ใจ' },
      { type: 'hint', hint: 'choose_identity' },
    ],
  ])('%s', (_name, step, data, input, expected) => {
    expect(applyInput(step, data, input, ctx)).toMatchObject(expected);
  });
});
