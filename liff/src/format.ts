export { fiscalYearOf, nearestYear } from '../../schema/fiscal-year';
export { formatBaht, formatNumber, kindBreakdown, kindName, yearSpan } from '../../schema/thai-format';

/** "ปีงบประมาณ 2568". */
export const fiscalYearLabel = (year: number) => `ปีงบประมาณ ${year}`;
