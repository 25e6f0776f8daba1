import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../errors';

const THAI = /[\u0E00-\u0E7F]/;

/**
 * Reads a JSON body with a zod contract: anything that does not satisfy it (or is not JSON) is 422
 * with the first problem's Thai message and every issue in `details`.
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]?.message ?? '';
  throw new AppError(
    'validation_failed',
    THAI.test(first) ? first : 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** A positive integer id from the path; anything else is "not found" (`message`). */
export function pathId(value: string | undefined, message: string): number {
  if (!value || !/^[1-9]\d{0,11}$/.test(value)) throw new AppError('not_found', message);
  return Number(value);
}
