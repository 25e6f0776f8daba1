// Calls to the platform's admin API (same origin as this page).

/** GETs a JSON answer; throws on a non-2xx status. */
export async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}

/** POSTs JSON and returns {status, data} whatever the status (callers show errors themselves). */
export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  return { status: response.status, data };
}
