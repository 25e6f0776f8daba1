import { ApiError } from './api';
import { h, replace } from './dom';
import { failure, loading } from './layout';
import { renderOrg } from './plans/org';
import { renderOrgs } from './plans/orgs';
import { renderPlan } from './plans/plan';
import { renderProject } from './plans/project';
import { renderProjects } from './plans/projects';
import { liffStatePath, matchRoute } from './routes';

let rendering = 0;

/** Renders the page of the current URL into `root`; a newer navigation cancels an older one's output. */
export async function render(root: HTMLElement): Promise<void> {
  const ticket = ++rendering;
  const route = matchRoute(location.pathname);
  const target = h('div', {});
  const show = () => ticket === rendering && replace(root, ...target.childNodes);
  loading(root);
  try {
    switch (route.name) {
      case 'orgs':
        await renderOrgs(target);
        break;
      case 'org':
        await renderOrg(target, route.org);
        break;
      case 'plan':
        await renderPlan(target, route.org, route.plan);
        break;
      case 'projects':
        // The list keeps updating itself after the first render (filters): render in place.
        if (ticket === rendering) await renderProjects(root, route.org, route.plan);
        return;
      case 'complaint': {
        // Loaded on demand: the plan pages do not pay for the form (nor for the LIFF login).
        const { renderComplaint } = await import('./complaint/page');
        if (ticket === rendering) await renderComplaint(root, route.org, location.search);
        return;
      }
      case 'staff': {
        // Loaded on demand, like the complaint form: residents never download the staff pages.
        const { renderStaff } = await import('./staff/page');
        if (ticket === rendering) await renderStaff(root, route.org, route.rest, location.search);
        return;
      }
      case 'track': {
        // Loaded on demand, like the form: the complainant's tracker and its LIFF login.
        const { renderTrack } = await import('./track/page');
        if (ticket === rendering) await renderTrack(root, route.org, route.rest, location.search);
        return;
      }
      case 'project':
        await renderProject(target, route.org, route.plan, route.project);
        break;
      default:
        throw new ApiError(404);
    }
    show();
  } catch (error) {
    if (ticket !== rendering) return;
    failure(root, error, () => render(root));
  }
}

/** Client-side navigation: same-origin links change the URL without reloading; back/forward re-render. */
export function startRouter(root: HTMLElement): void {
  const state = liffStatePath(location.search);
  if (state) history.replaceState(null, '', state);
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a');
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || link.target) return;
    event.preventDefault();
    if (url.href === location.href && !url.hash) return;
    history.pushState(null, '', url.pathname + url.search + url.hash);
    window.scrollTo(0, 0);
    render(root);
  });
  window.addEventListener('popstate', () => render(root));
  render(root);
}
