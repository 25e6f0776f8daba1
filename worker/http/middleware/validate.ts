import type { Context, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { fieldErrorsOf } from '../../../schema/contracts/error';
import { AppError, type ErrorCode } from '../../errors';

type Target = 'json' | 'query' | 'param';

export interface ValidateOptions {
  /** The error code of a refusal; by target: json → validation_failed, query → bad_request, param → not_found. */
  code?: ErrorCode;
  /** The refusal's message; by default the first problem's, when it is Thai. */
  message?: string;
}

const THAI = /[\u0E00-\u0E7F]/;

/** A row id in a path: a positive integer of at most 12 digits (anything else names nothing). */
export const pathId = z
  .string()
  .regex(/^[1-9]\d{0,11}$/)
  .transform(Number);

const defaults: Record<Target, { code: ErrorCode; message: string }> = {
  json: { code: 'validation_failed', message: 'ข้อมูลที่ส่งมาไม่ถูกต้อง' },
  query: { code: 'bad_request', message: 'invalid query parameters' },
  // A malformed id names nothing: the same answer as an id that is not there.
  param: { code: 'not_found', message: 'ไม่พบรายการนี้' },
};

/** The body as JSON whatever its declared type (the chat's tests and old clients send none). */
async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new AppError('invalid_json', 'ข้อมูลที่ส่งมาไม่ถูกต้อง');
  }
}

/**
 * The one validation path of the HTTP API: checks a request's JSON body, query or path parameters
 * with a zod contract, answers a refusal as an AppError whose details are field errors
 * (schema/contracts/error.ts), and hands the parsed value to `c.req.valid(target)`, typed for
 * `hc<AppType>` (the client sends `z.input`, the route reads `z.output`).
 */
export function validate<T extends Target, S extends z.ZodType>(
  target: T,
  schema: S,
  options: ValidateOptions = {},
): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: any Env, as hono/validator's own middleware
  any,
  string,
  { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }
> {
  return validator(target, async (value, c) => {
    const parsed = schema.safeParse(target === 'json' ? await readJson(c) : value);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0]?.message ?? '';
    const fallback = defaults[target];
    const message = options.message ?? (THAI.test(first) ? first : fallback.message);
    throw new AppError(options.code ?? fallback.code, message, fieldErrorsOf(parsed.error.issues));
  }) as never;
}
