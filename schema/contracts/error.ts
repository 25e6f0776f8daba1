import * as z from 'zod/mini';

/**
 * The `details` of every `validation_failed` (and of any other refused input): the field's path
 * ("identity.phone"; "form" for the whole body) → the first Thai message about it. A refusal that is
 * not about one field names its machine reason under `reason` ({ reason: 'unreadable' }).
 * zod/mini: the LIFF parses error answers with it.
 */
export const fieldErrors = z.record(z.string(), z.string());
export type FieldErrors = z.infer<typeof fieldErrors>;

/** The uniform error body of every API answer that is not 2xx. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Field errors from validation issues (zod's or any alike): the first message of each path wins. */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'form';
    out[field] ??= issue.message;
  }
  return out;
}
