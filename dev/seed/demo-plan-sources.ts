/**
 * The demo organisations' plans and the seed document (dev/shared/seeds, a copy of ../shared/seeds) each is imported from. Mueang
 * Chan publishes no plan. The importer's output is committed as dev/seed/plans/<slug>.json.
 */
export const demoPlanSources = [
  { slug: 'chanthaburi', seed: '000_b2f7f43f58537435.txt' },
  { slug: 'trang', seed: '002_2459aad492833dd5.txt' },
  { slug: 'lampang', seed: '004_d79bb15a77856305.txt' },
] as const;

export type DemoPlanSlug = (typeof demoPlanSources)[number]['slug'];
