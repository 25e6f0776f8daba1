import type { NumberingScheme } from './item-pieces';
import type { HeaderStyle, PageBreaks } from './render-table';
import type { VariantSpec } from './build-variant';

/** Ways plans and converters write "no budget" in a year cell; every one must read as 0. */
export const NO_BUDGET_SPELLINGS = [
  '-',
  '–',
  '—',
  'ไม่ใช้งบประมาณ',
  'ไม่ใช่ งบประมาณ',
  'ไม่ใช้ งบประมาณ',
  'ไม่มีงบประมาณ',
  'ไม่ได้ใช้งบประมาณ',
  'ไม่ใช้งบประมาณดำเนินการ',
  'ไม่ได้ตั้งงบประมาณ',
  'ไม่ใช้งบ',
  '0',
];

const SCHEMES: NumberingScheme[] = [
  'plan-close',
  'plan-paren',
  'mission-close',
  'mission-paren',
  'qualified',
];
const HEADERS: HeaderStyle[] = ['source', 'one-row', 'years-below'];
const PAGES: PageBreaks[] = [
  'source',
  { every: 2, split: true },
  'none',
  { every: 3, split: false },
  { every: 4, split: true },
  { every: 5, split: true },
  { every: 7, split: false },
];

const BASE: Omit<VariantSpec, 'id'> = {
  numbering: 'source',
  subMissions: 'source',
  thaiDigits: false,
  header: 'source',
  pages: 'source',
  noBudget: null,
  misspell: false,
};

const pagesId = (p: PageBreaks) => (typeof p === 'string' ? p : `every${p.every}${p.split ? '-split' : ''}`);

/**
 * The variants of one seed plan (34). First every numbering scheme with and without a sub-mission level, in Thai
 * and Arabic digits (20), the other axes turning with different periods so that each of their values meets
 * several schemes; then bare-code numbering (2); then each other axis alone against the source, so that a
 * failure points at one cause.
 */
export function variantSpecs(): VariantSpec[] {
  const specs: VariantSpec[] = [];
  let i = 0;
  for (const numbering of SCHEMES) {
    for (const subMissions of ['with', 'without'] as const) {
      for (const thaiDigits of [false, true]) {
        const pages = PAGES[i % PAGES.length]!;
        const header = HEADERS[i % HEADERS.length]!;
        const noBudget = [0, 5].map((k) => NO_BUDGET_SPELLINGS[(i + k) % NO_BUDGET_SPELLINGS.length]!);
        const misspell = i % 5 === 1 || i % 5 === 3;
        const id = [numbering, subMissions, thaiDigits ? 'thai' : 'arabic', header, pagesId(pages)].join(' ');
        specs.push({ id, numbering, subMissions, thaiDigits, header, pages, noBudget, misspell });
        i++;
      }
    }
  }
  // A bare code is a sub-mission wherever a sub-mission level exists, so it numbers projects only without one.
  for (const thaiDigits of [false, true]) {
    const id = `bare-code without ${thaiDigits ? 'thai' : 'arabic'}`;
    specs.push({ ...BASE, id, numbering: 'bare-code', subMissions: 'without', thaiDigits, pages: PAGES[1]! });
  }
  for (const pages of PAGES.slice(1)) specs.push({ ...BASE, id: `pages ${pagesId(pages)}`, pages });
  for (const header of HEADERS.slice(1)) specs.push({ ...BASE, id: `header ${header}`, header });
  specs.push({ ...BASE, id: 'misspelt headings', misspell: true });
  specs.push({ ...BASE, id: 'thai digits', thaiDigits: true });
  specs.push({ ...BASE, id: 'sub-missions toggled', subMissions: 'toggle' });
  specs.push({ ...BASE, id: 'every no-budget spelling', noBudget: NO_BUDGET_SPELLINGS });
  return specs;
}
