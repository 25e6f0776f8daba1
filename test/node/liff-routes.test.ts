import { describe, expect, it } from 'vitest';
import { liffStatePath, matchRoute, paths } from '../../liff/src/routes';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'orgs' }],
    ['/o/trang', { name: 'org', org: 'trang' }],
    ['/o/trang/', { name: 'org', org: 'trang' }],
    ['/o/trang/plans/2562-2564', { name: 'plan', org: 'trang', plan: '2562-2564' }],
    ['/o/trang/plans/2562-2564/projects', { name: 'projects', org: 'trang', plan: '2562-2564' }],
    [
      '/o/trang/plans/2562-2564/projects/12',
      { name: 'project', org: 'trang', plan: '2562-2564', project: 12 },
    ],
    ['/o/trang/plans/2562-2564/projects/0', { name: 'not-found' }],
    ['/o/trang/plans/2562-2564/projects/x', { name: 'not-found' }],
    ['/o/trang/plans', { name: 'not-found' }],
    ['/o/trang/complaint', { name: 'complaint', org: 'trang' }],
    ['/o/trang/complaint/', { name: 'complaint', org: 'trang' }],
    ['/o/trang/complaint/x', { name: 'not-found' }],
    ['/o/trang/track', { name: 'track', org: 'trang', rest: [] }],
    ['/o/trang/track/WDYW-K2E6', { name: 'track', org: 'trang', rest: ['WDYW-K2E6'] }],
    ['/o/trang/track/WDYW-K2E6/x', { name: 'not-found' }],
    ['/o/trang/other', { name: 'not-found' }],
    ['/o/trang/plans/a/projects/1/extra', { name: 'not-found' }],
    ['/x', { name: 'not-found' }],
    ['/o/%E0%A4%A', { name: 'not-found' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('builds complaint form links', () => {
    expect(paths.complaint('mueang-chan')).toBe('/o/mueang-chan/complaint');
    expect(paths.complaint('trang', 'general')).toBe('/o/trang/complaint?track=general');
    expect(matchRoute(paths.complaint('trang'))).toEqual({ name: 'complaint', org: 'trang' });
  });

  it('round-trips the paths it builds', () => {
    expect(matchRoute(paths.project('mueang-chan', '2566-2570', 7))).toEqual({
      name: 'project',
      org: 'mueang-chan',
      plan: '2566-2570',
      project: 7,
    });
    expect(
      paths.projects('trang', '2562-2564', { dimension: 1, q: 'อบรม', unit: undefined, mission: '' }),
    ).toBe('/o/trang/plans/2562-2564/projects?dimension=1&q=%E0%B8%AD%E0%B8%9A%E0%B8%A3%E0%B8%A1');
  });
});

describe('liffStatePath', () => {
  it.each([
    ['?liff.state=%2Fo%2Ftrang%2Fplans%2F2562-2564', '/o/trang/plans/2562-2564'],
    ['?liff.state=o%2Ftrang%3Fx%3D1', '/o/trang?x=1'],
    ['?other=1', null],
    ['', null],
  ])('%s → %s', (search, path) => {
    expect(liffStatePath(search)).toBe(path);
  });
});
