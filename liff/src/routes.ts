/** Every page of the app, parsed from the URL path (deep links work: the Worker serves index.html for all). */
export type Route =
  | { name: 'orgs' }
  | { name: 'org'; org: string }
  | { name: 'plan'; org: string; plan: string }
  | { name: 'projects'; org: string; plan: string }
  | { name: 'project'; org: string; plan: string; project: number }
  | { name: 'complaint'; org: string }
  | { name: 'staff'; org: string; rest: string[] }
  | { name: 'track'; org: string; rest: string[] }
  | { name: 'not-found' };

/** Which page a path shows. Pure, so it is tested as a table. */
export function matchRoute(pathname: string): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found' };
  }
  if (parts.length === 0) return { name: 'orgs' };
  const [o, org, plans, plan, projects, project, ...rest] = parts;
  if (o !== 'o' || !org || rest.length > 0) return { name: 'not-found' };
  if (plans === undefined) return { name: 'org', org };
  if (plans === 'complaint' && plan === undefined) return { name: 'complaint', org };
  // The staff pages route their own sub-paths (liff/src/staff/page.ts).
  if (plans === 'staff') return { name: 'staff', org, rest: parts.slice(3) };
  if (plans === 'track' && parts.length <= 4) return { name: 'track', org, rest: parts.slice(3) };
  if (plans !== 'plans' || !plan) return { name: 'not-found' };
  if (projects === undefined) return { name: 'plan', org, plan };
  if (projects !== 'projects') return { name: 'not-found' };
  if (project === undefined) return { name: 'projects', org, plan };
  return /^[1-9]\d{0,6}$/.test(project)
    ? { name: 'project', org, plan, project: Number(project) }
    : { name: 'not-found' };
}

const seg = encodeURIComponent;

/** URL paths of the pages, for links. */
export const paths = {
  orgs: () => '/',
  org: (org: string) => `/o/${seg(org)}`,
  plan: (org: string, plan: string) => `/o/${seg(org)}/plans/${seg(plan)}`,
  projects: (org: string, plan: string, query: Record<string, string | number | undefined> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const search = params.toString();
    return `/o/${seg(org)}/plans/${seg(plan)}/projects${search ? `?${search}` : ''}`;
  },
  project: (org: string, plan: string, id: number) => `/o/${seg(org)}/plans/${seg(plan)}/projects/${id}`,
  /** The complaint form; `track` "general" opens the general grievance track. */
  complaint: (org: string, track?: 'corruption' | 'general') =>
    `/o/${seg(org)}/complaint${track ? `?track=${track}` : ''}`,
};

/**
 * Opened through https://liff.line.me/<liffId>/<path>, LINE loads the endpoint with the path in the
 * `liff.state` parameter (the LIFF SDK would redirect; this app does not need the SDK to read). Returns
 * the path to show instead, or null.
 */
export function liffStatePath(search: string): string | null {
  const state = new URLSearchParams(search).get('liff.state');
  if (!state) return null;
  return state.startsWith('/') ? state : `/${state}`;
}
