import { hc } from 'hono/client';
import { errorBody, type FieldErrors, fieldErrors } from '../../schema/contracts/error';
import type { AppType } from '../../worker/http/app';

/** The generic message of a failed request; the server's own Thai message replaces it when there is one. */
export const OFFLINE = 'เชื่อมต่อระบบไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง';
const THAI = /[\u0E00-\u0E7F]/;

/**
 * Every failed API call: the status (0 when there was no answer), the error code, a Thai message to show
 * (the server's, or "cannot connect") and, for a validation_failed, each field's message
 * (schema/contracts/error.ts).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code = 'unknown',
    message = OFFLINE,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  // Not our error body (a proxy's error page): the status and the generic message.
  const body = errorBody.safeParse(await response.json().catch(() => null));
  if (!body.success) return new ApiError(response.status);
  const { code, message, details } = body.data.error;
  const fields = code === 'validation_failed' ? fieldErrors.safeParse(details) : null;
  return new ApiError(response.status, code, THAI.test(message) ? message : OFFLINE, fields?.data ?? {});
}

/** The Worker's API, typed by its routes (worker/http/app.ts); `idToken` is the LIFF ID token, if any. */
export function apiClient(idToken?: string | null) {
  return hc<AppType>('/', idToken ? { headers: { authorization: `Bearer ${idToken}` } } : {});
}

export type ApiClient = ReturnType<typeof apiClient>;

type JsonOf<R> = R extends { json(): Promise<infer T> } ? T : never;

/**
 * The answer of a client call: its JSON (checked with `schema` when given), nothing for a 204, or an
 * ApiError (also when the network failed).
 */
export async function read<R extends Response, T = JsonOf<R>>(
  request: Promise<R>,
  schema?: { parse(data: unknown): T },
): Promise<T> {
  let response: R;
  try {
    response = await request;
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json();
  return schema ? schema.parse(json) : (json as T);
}

/** The public, anonymous client (plans, organisations). */
export const publicApi = apiClient();

// Pages revisited with the back button render from memory; the API is cacheable for 5 minutes anyway.
const cache = new Map<string, Promise<unknown>>();

/** `load()` once per `key` (a public read), forgotten when it fails. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const request = load();
  cache.set(key, request);
  request.catch(() => cache.delete(key));
  return request;
}

/**
 * A file answer of a client call (an export): its bytes and the name the server gave it, or an ApiError
 * as for `read`.
 */
export async function readFile(request: Promise<Response>): Promise<{ blob: Blob; name: string }> {
  let response: Response;
  try {
    response = await request;
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await failure(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), name: name ?? 'download' };
}
