import { z } from 'zod';
import { validate } from './validate';

/**
 * The `:caseId` of the staff case routes. Not found and not allowed answer alike elsewhere, so a
 * malformed id gets the same answer: a staff member cannot probe for cases they may not see.
 */
export const caseParam = validate(
  'param',
  z.object({ caseId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  { message: 'ไม่พบเรื่องนี้' },
);
