const THAI_DIGITS = /[๐-๙]/g;

/**
 * Folds text for matching: Unicode NFC, lower case, Thai digits to Arabic, and no whitespace or
 * zero-width characters at all, since Thai writes words without spaces and people type them either way.
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}

/** What a project is found by: its names and its responsible unit, normalised and joined. */
export function projectSearchText(project: {
  name: string;
  summaryName?: string | null;
  alternateNames: string[];
  unit: string | null;
  unitExpanded?: string | null;
}): string {
  const parts = [
    project.name,
    project.summaryName,
    ...project.alternateNames,
    project.unit,
    project.unitExpanded,
  ];
  const unique = [...new Set(parts.filter((p): p is string => !!p).map(normalizeSearch))];
  // A separator that normalised input can never contain, so a match cannot straddle two fields.
  return unique.join('\u0001');
}

/** A LIKE pattern matching `term` anywhere, with %, _ and the escape character escaped (use ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
