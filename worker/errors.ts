import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, FieldErrors } from '../schema/contracts/error';

/** Every error code the API can answer with, and its HTTP status. */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  bad_signature: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  org_not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  line_api_failed: 502,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

/** What may go with a code: a `validation_failed` always details field by field (schema/contracts/error.ts). */
export type ErrorDetails<C extends ErrorCode> = C extends 'validation_failed' ? FieldErrors : unknown;

/** The one error type of the app: a code (mapped to an HTTP status), a message and optional details. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: ErrorDetails<C>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }

  /** The answer's body (schema/contracts/error.ts). */
  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}
