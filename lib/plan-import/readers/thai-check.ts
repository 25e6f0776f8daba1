export interface ThaiTextStats {
  /** Non-space characters read. */
  characters: number;
  thaiLetters: number;
  /** Letters of any script (Thai, Latin…), digits excluded. */
  letters: number;
  privateUse: number;
  replacement: number;
  /** Thai vowel signs and tone marks written above or below a letter. */
  marks: number;
  /** Such marks not following a Thai consonant or another mark: what out-of-order extraction produces. */
  misplacedMarks: number;
}

const isMark = (c: number) => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
const isConsonant = (c: number) => c >= 0x0e01 && c <= 0x0e2e;

/** Counts what tells readable Thai from text extracted through fonts without a usable Unicode map. */
export function thaiTextStats(text: string): ThaiTextStats {
  const stats: ThaiTextStats = {
    characters: 0,
    thaiLetters: 0,
    letters: 0,
    privateUse: 0,
    replacement: 0,
    marks: 0,
    misplacedMarks: 0,
  };
  let previous = 0x20;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (!/\s/.test(ch)) stats.characters++;
    if (c >= 0x0e01 && c <= 0x0e4e) stats.thaiLetters++;
    if (/\p{L}/u.test(ch) || (c >= 0x0e01 && c <= 0x0e4e)) stats.letters++;
    if ((c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000) stats.privateUse++;
    if (c === 0xfffd) stats.replacement++;
    if (isMark(c)) {
      stats.marks++;
      if (!isConsonant(previous) && !isMark(previous)) stats.misplacedMarks++;
    }
    previous = c;
  }
  return stats;
}

/**
 * Why extracted text is not usable Thai, or null when it is. Thresholds leave room for the conversion noise of
 * real documents (the seed texts have well under 1% misplaced marks) while refusing fonts without a Unicode map,
 * which give private-use code points, replacement characters, Latin letters or marks out of order.
 */
export function unreadableThaiReason(stats: ThaiTextStats): string | null {
  const { characters, thaiLetters, letters, privateUse, replacement, marks, misplacedMarks } = stats;
  if (characters === 0) return null;
  if (privateUse / characters > 0.02)
    return `${privateUse} of ${characters} characters are private-use code points`;
  if (replacement / characters > 0.01)
    return `${replacement} of ${characters} characters are replacement characters`;
  if (marks >= 20 && misplacedMarks / marks > 0.05)
    return `${misplacedMarks} of ${marks} Thai vowel and tone marks do not follow a consonant`;
  if (letters >= 200 && thaiLetters / letters < 0.2)
    return `only ${thaiLetters} of ${letters} letters are Thai`;
  return null;
}
