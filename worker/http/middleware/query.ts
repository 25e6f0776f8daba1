import type { z } from 'zod';
import { AppError } from '../../errors';

/** Parses query parameters with a zod schema; a bad value is the client's mistake (400, with issues). */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError('bad_request', 'invalid query parameters', parsed.error.issues);
  return parsed.data;
}
