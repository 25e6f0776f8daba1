import { describe, expect, it } from 'vitest';
import { precheck } from '../../liff/src/complaint/photos';
import { trackFrom } from '../../liff/src/complaint/page';
import { complaintLimits } from '../../schema/contracts/complaint-rules';

const MB = 1024 * 1024;

describe('the form’s early file check mirrors the server’s limits', () => {
  it.each<[string, { type: string; size: number }, number, string | null]>([
    ['a small JPEG', { type: 'image/jpeg', size: MB }, 0, null],
    ['a PNG at the limit', { type: 'image/png', size: complaintLimits.imageMaxBytes }, 4, null],
    ['a PNG over the limit', { type: 'image/png', size: complaintLimits.imageMaxBytes + 1 }, 0, 'too_large'],
    ['a 15 MB PDF', { type: 'application/pdf', size: 15 * MB }, 0, null],
    ['a PDF over 20 MB', { type: 'application/pdf', size: complaintLimits.fileMaxBytes + 1 }, 0, 'too_large'],
    ['a HEIC photo', { type: 'image/heic', size: MB }, 0, 'unsupported_type'],
    ['a Word file', { type: 'application/msword', size: 1000 }, 0, 'unsupported_type'],
    ['a sixth file', { type: 'image/jpeg', size: 1000 }, 5, 'too_many'],
  ])('%s', (_name, file, attached, expected) => {
    expect(precheck(file, attached)).toBe(expected);
  });
});

describe('trackFrom', () => {
  it.each([
    ['?track=corruption', 'corruption'],
    ['?track=general', 'grievance'],
    ['?track=grievance', 'grievance'],
    ['?track=other', 'corruption'],
    ['', 'corruption'],
  ])('%s → %s', (search, track) => {
    expect(trackFrom(search)).toBe(track);
  });
});
