import type { ProjectKind } from '../../schema/contracts/plan-document';
import { cleanName } from './normalize';

export interface SplitName {
  name: string;
  alternateNames: string[];
}

/** Index just past the parenthesis that closes the one at `open`, or the text length if it never closes. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * Separates a name from the local names the organisation gives it: "X *(Y)" or "X * Y" (Lampang's template
 * keeps the national name and adds its own in "*(...)"). Parentheses nest: "*(A (B))" gives "A (B)".
 */
export function splitAlternateNames(text: string): SplitName {
  const alternateNames: string[] = [];
  let rest = text;
  let name = '';
  for (;;) {
    const star = rest.indexOf('*');
    if (star < 0) {
      name += rest;
      break;
    }
    name += rest.slice(0, star);
    const after = rest.slice(star + 1);
    const open = after.search(/\S/);
    if (open >= 0 && after[open] === '(') {
      const end = closingParen(after, open);
      const inner = after.slice(open + 1, after[end - 1] === ')' ? end - 1 : end);
      if (inner.trim() !== '') alternateNames.push(cleanName(inner));
      rest = after.slice(end);
    } else {
      const inner = after.trim();
      if (inner !== '') alternateNames.push(cleanName(inner));
      rest = '';
    }
  }
  return { name: cleanName(name), alternateNames: alternateNames.filter((a) => a !== '') };
}

/** The kind a name announces by its first word (โครงการ / กิจกรรม / มาตรการ), null when it announces none. */
export function kindOfName(name: string): ProjectKind | null {
  const head = name.replace(/^[\s“"'‘]+/, '');
  if (head.startsWith('โครงการ')) return 'project';
  if (head.startsWith('กิจกรรม')) return 'activity';
  if (head.startsWith('มาตรการ')) return 'measure';
  return null;
}

/** Character-bigram Dice similarity (0..1) of two already compacted strings. */
export function similarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
