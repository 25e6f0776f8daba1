import { describe, expect, it } from 'vitest';
import { afterEvidence, applyInput } from '../../worker/complaints/flow';
import type { DraftData, Step } from '../../worker/complaints/flow-steps';
import type { FlowInput, Outcome } from '../../worker/complaints/flow-types';
import { ctx, story } from './support/flow-fixtures';

type Row = [string, DraftData, FlowInput, Partial<Outcome> & Record<string, unknown>];
const guess = (text: string) =>
  text.includes('เรียกเงิน') ? { track: 'corruption' as const, categoryCode: 'bribery' } : {};
const offer = { ...ctx, guess };
const told: DraftData = { description: story, suggested: { track: 'corruption', categoryCode: 'bribery' } };
const place = { latitude: 7.56, longitude: 99.61 };

describe('the offer: what was sent first is kept, nothing is filed until the person says so', () => {
  it.each<Row>([
    [
      'words are the story, and the guess is kept as a suggestion only',
      {},
      { kind: 'text', text: story },
      { type: 'next', step: 'offer', data: told },
    ],
    [
      'more words are added to the story and guessed again',
      { description: 'ขยะไม่ได้เก็บหลายวัน' },
      { kind: 'text', text: 'แล้วเจ้าหน้าที่เรียกเงินค่าเก็บ' },
      {
        type: 'next',
        step: 'offer',
        data: {
          description: 'ขยะไม่ได้เก็บหลายวัน\nแล้วเจ้าหน้าที่เรียกเงินค่าเก็บ',
          suggested: { track: 'corruption', categoryCode: 'bribery' },
        },
      },
    ],
    [
      'words too short for a story still suggest; the story is asked after',
      {},
      { kind: 'text', text: 'เรียกเงิน' },
      { type: 'next', step: 'offer', data: { suggested: { track: 'corruption', categoryCode: 'bribery' } } },
    ],
    [
      'a location is the place',
      {},
      { kind: 'location', ...place },
      { type: 'next', step: 'offer', data: { place } },
    ],
    [
      '"แจ้งเรื่องนี้" takes the suggestion and skips what is answered',
      { ...told, place, evidenceDone: true },
      { kind: 'accept' },
      {
        type: 'next',
        step: 'involved',
        data: { track: 'corruption', categoryCode: 'bribery', description: story, place, evidenceDone: true },
      },
    ],
    [
      '"แจ้งเรื่องนี้" without a suggestion asks for a track',
      { place },
      { kind: 'accept' },
      { type: 'hint', hint: 'choose_track' },
    ],
    [
      'the other track: no category carried over',
      told,
      { kind: 'track', track: 'grievance' },
      {
        type: 'next',
        step: 'category',
        data: { track: 'grievance', identity: 'identified', description: story },
      },
    ],
    [
      'a suggested category the organisation does not have is not set',
      { description: story, suggested: { track: 'corruption', categoryCode: 'gone' } },
      { kind: 'accept' },
      { type: 'next', step: 'category' },
    ],
    [
      '"เลือกประเภทอื่น" asks the track',
      told,
      { kind: 'choose' },
      { type: 'next', step: 'track', data: { description: story } },
    ],
    ['"ไม่แจ้ง" ends it', told, { kind: 'cancel', confirmed: true }, { type: 'cancel' }],
    ['a skip is not an answer here', told, { kind: 'skip' }, { type: 'hint', hint: 'choose_track' }],
  ])('%s', (_name, data, input, expected) => {
    expect(applyInput('offer', data, input, offer)).toEqual(expect.objectContaining(expected));
  });
});

describe('afterEvidence: a photo or file counts at any step, and moves the evidence step on', () => {
  it.each<[Step, DraftData, Step]>([
    [
      'evidence',
      { track: 'grievance', identity: 'identified', categoryCode: 'road', description: story, place: null },
      'summary',
    ],
    [
      'evidence',
      { track: 'corruption', categoryCode: 'bribery', description: story, place: null },
      'involved',
    ],
    ['offer', {}, 'offer'],
    ['description', { track: 'grievance' }, 'description'],
    ['summary', { track: 'grievance' }, 'summary'],
  ])('at %s', (step, data, expected) => {
    const out = afterEvidence(step, data);
    expect(out.step).toBe(expected);
    expect(out.data.evidenceDone).toBe(true);
  });
});
