import {
  type ComplaintReceipt,
  complaintReceipt,
  type EvidenceStored,
  evidenceStored,
  type FormCategories,
  formCategories,
} from '../../../schema/contracts/complaint-api';

/** An error answer of the form API: status, code, the server's Thai message and per-field details. */
export class FormApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

const OFFLINE = 'เชื่อมต่อระบบไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง';

// The uniform error body (schema/contracts/error.ts) read by hand: that schema uses full zod.
async function failure(response: Response): Promise<FormApiError> {
  let error: { code?: unknown; message?: unknown; details?: unknown } = {};
  try {
    error = ((await response.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // not JSON (a proxy's error page): fall through to the generic message
  }
  const details = error.details;
  const fields: Record<string, string> = {};
  if (error.code === 'validation_failed' && typeof details === 'object' && details !== null) {
    for (const [key, value] of Object.entries(details)) if (typeof value === 'string') fields[key] = value;
  }
  const message =
    typeof error.message === 'string' && /[\u0E00-\u0E7F]/.test(error.message) ? error.message : OFFLINE;
  return new FormApiError(
    response.status,
    typeof error.code === 'string' ? error.code : 'unknown',
    message,
    fields,
  );
}

/** The LIFF complaint form's API for one organisation, authenticated with the LIFF ID token. */
export function formApi(org: string, idToken: string | null) {
  const base = `/api/orgs/${encodeURIComponent(org)}/complaints`;
  const auth: Record<string, string> = idToken ? { authorization: `Bearer ${idToken}` } : {};

  async function call<T>(path: string, init: RequestInit, schema?: { parse(data: unknown): T }): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
    } catch {
      throw new FormApiError(0, 'network', OFFLINE);
    }
    if (!response.ok) throw await failure(response);
    return schema ? schema.parse(await response.json()) : (undefined as T);
  }

  return {
    categories: (): Promise<FormCategories> => call('/categories', {}, formCategories),
    upload: (key: string, file: Blob): Promise<EvidenceStored> =>
      call(
        `/evidence?key=${key}`,
        { method: 'POST', body: file, headers: { 'content-type': file.type } },
        evidenceStored,
      ),
    remove: (key: string, id: string): Promise<void> =>
      call(`/evidence/${encodeURIComponent(id)}?key=${key}`, { method: 'DELETE' }),
    submit: (body: unknown): Promise<ComplaintReceipt> =>
      call(
        '',
        { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
        complaintReceipt,
      ),
  };
}

export type FormApi = ReturnType<typeof formApi>;
