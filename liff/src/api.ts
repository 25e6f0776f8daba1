/** The API answered with an error status (404: no such organisation, plan or project). */
export class ApiError extends Error {
  constructor(readonly status: number) {
    super(`API answered ${status}`);
  }
}

interface Parser<T> {
  parse(data: unknown): T;
}

// Pages revisited with the back button render from memory; the API is cacheable for 5 minutes anyway.
const cache = new Map<string, Promise<unknown>>();

/** GETs a public API path and checks the answer against its schema (schema/contracts/plan-api.ts). */
export function getJson<T>(path: string, schema: Parser<T>): Promise<T> {
  const cached = cache.get(path) as Promise<T> | undefined;
  if (cached) return cached;
  const request = fetch(path, { headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new ApiError(response.status);
    return schema.parse(await response.json());
  });
  cache.set(path, request);
  request.catch(() => cache.delete(path));
  return request;
}
