import type { TrackedCaseDetail, TrackedCaseList } from '../../../schema/contracts/tracking';

/** An error answer of the tracker API: status and the server's Thai message. */
export class TrackApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE = 'เชื่อมต่อระบบไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง';

/**
 * The tracker API of one organisation (worker/http/routes/track.ts), authenticated with the LIFF ID
 * token. Answers are read as the contract's types (type-only imports: no zod in this chunk). The PIN
 * goes in a POST body, never in a URL.
 */
export function trackApi(org: string, idToken: string | null) {
  const base = `/api/orgs/${encodeURIComponent(org)}/track`;
  const auth: Record<string, string> = idToken ? { authorization: `Bearer ${idToken}` } : {};
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
    } catch {
      throw new TrackApiError(0, OFFLINE);
    }
    const body = (response.status === 204 ? null : await response.json().catch(() => null)) as
      | (T & { error?: { message?: string } })
      | null;
    if (!response.ok) {
      const message = body?.error?.message;
      throw new TrackApiError(
        response.status,
        typeof message === 'string' && /[\u0E00-\u0E7F]/.test(message) ? message : OFFLINE,
      );
    }
    return (response.status === 204 ? undefined : body) as T;
  }
  return {
    list: () => call<TrackedCaseList>(''),
    get: (code: string) => call<TrackedCaseDetail>(`/${encodeURIComponent(code)}`),
    open: (code: string, pin: string) =>
      call<TrackedCaseDetail>('/open', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, pin }),
      }),
    answer: (code: string, answer: string) =>
      call<void>(`/${encodeURIComponent(code)}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer }),
      }),
  };
}

export type TrackApi = ReturnType<typeof trackApi>;
