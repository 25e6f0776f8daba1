const THAI_DIGITS = /[๐-๙]/g;
const IGNORED = /[\s\u200b-\u200d\ufeff“”"‘’'«»]+/g;

/**
 * Folds text for matching: Unicode NFC, lower case, Thai digits to Arabic, and no whitespace, zero-width
 * characters or quotes at all, since Thai writes words without spaces and people type them either way,
 * and the plans quote names inconsistently (มาตรการ “…”).
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(IGNORED, '');
}

/** What a project is found by: its names and its responsible unit, normalised and joined. */
export function projectSearchText(project: {
  name: string;
  summaryName?: string | null;
  alternateNames: string[];
  unit: string | null;
  unitExpanded?: string | null;
  unitGroup?: string | null;
}): string {
  const parts = [
    project.name,
    project.summaryName,
    ...project.alternateNames,
    project.unit,
    project.unitExpanded,
    project.unitGroup,
  ];
  const unique = [...new Set(parts.filter((p): p is string => !!p).map(normalizeSearch))];
  // A separator that normalised input can never contain, so a match cannot straddle two fields.
  return unique.join('\u0001');
}
