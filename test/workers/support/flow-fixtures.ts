import type { DraftData } from '../../../worker/complaints/flow-steps';

/** The inputs the pure complaint-flow tests share. */
export const ctx = {
  categories: [
    { code: 'bribery', name: 'สินบน/เรียกรับเงิน' },
    { code: 'procurement', name: 'จัดซื้อจัดจ้าง' },
  ],
  units: [
    { id: 4, name: 'กองช่าง' },
    { id: 5, name: 'กองคลัง' },
  ],
  today: '2026-11-21',
};
export const corruption: DraftData = { track: 'corruption' };
export const grievance: DraftData = { track: 'grievance', identity: 'identified' };
export const story = 'เจ้าหน้าที่เรียกเงินค่าอนุมัติใบอนุญาต 3,000 บาท';
export const filledAnon: DraftData = {
  track: 'corruption',
  categoryCode: 'bribery',
  description: story,
  place: null,
  occurred: null,
  evidenceDone: true,
  involved: null,
  identity: 'anonymous',
  consented: true,
};
/** A grievance with every step of the way answered (the optional ones left open). */
export const filledGrievance: DraftData = {
  track: 'grievance',
  identity: 'identified',
  categoryCode: 'bribery',
  description: story,
  place: null,
  evidenceDone: true,
};
