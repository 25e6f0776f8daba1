export { fiscalYearOf, nearestYear } from '../../lib/fiscal-year';
export { formatBaht, formatNumber, kindBreakdown, kindName, yearSpan } from '../../lib/thai-format';

/** "ปีงบประมาณ 2568". */
export const fiscalYearLabel = (year: number) => `ปีงบประมาณ ${year}`;
