import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors';

/**
 * Hono's bodyLimit (the declared Content-Length, or the bytes as they stream in when none is
 * declared), refusing with our error body: 413 payload_too_large and `message`, or `refusal()`.
 */
export function limitBody(maxBytes: number, refusal: string | (() => AppError)): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw typeof refusal === 'string' ? new AppError('payload_too_large', refusal) : refusal();
    },
  });
}
