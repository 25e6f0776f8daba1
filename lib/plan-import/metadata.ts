import { collapseSpaces, hasPlaceholder } from './normalize';

const ORG_PREFIX =
  '(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|กรุงเทพมหานคร|เมืองพัทยา|อบต\\.|อบจ\\.)';
/** A line that is only an organisation's name, possibly with its district and province. */
const ORG_LINE = new RegExp(
  `^(?:ของ\\s*)?(${ORG_PREFIX}[ก-๙]*)(?:\\s+(?:อำเภอ|อ\\.)\\s*\\S+)?(?:\\s+(?:จังหวัด|จ\\.)\\s*\\S+)?$`,
);
const ORG_TOKEN = new RegExp(`(?:^|\\s|ของ)(${ORG_PREFIX}[ก-๙]+)(?=[\\s,.)]|$)`, 'g');

const TITLE_START = /^แผนปฏิบัติการป้องกัน(?:และปราบปราม)?การทุจริต/;
const SPAN = /(?:พ\.ศ\.|ปีงบประมาณ)\s*(25\d\d)\s*[-–—ถึง]+\s*(25\d\d)/;

export interface PlanMetadata {
  title: string | null;
  organization: string | null;
  province: string | null;
  span: { from: number; to: number } | null;
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** The plan's title as its cover writes it: the title line and the short lines that continue it. */
function findTitle(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const first = collapseSpaces(lines[i] ?? '');
    if (!TITLE_START.test(first) || first.length > 150) continue;
    const parts = [first];
    let spanSeen = SPAN.test(first);
    for (let j = i + 1, taken = 0; j < lines.length && taken < 4; j++) {
      const next = collapseSpaces(lines[j] ?? '');
      if (next === '') continue;
      // After the year span only "ของ <organisation>" still belongs to the title.
      const continues = spanSeen
        ? /^ของ/.test(next)
        : /^(?:เพื่อ|ของ|\(?พ\.ศ\.|\(?ปีงบประมาณ|ประจำปี|\(?25\d\d|เทศบาล|องค์การ)/.test(next);
      if (next.length > 80 || !continues) break;
      parts.push(next);
      spanSeen ||= SPAN.test(next);
      taken++;
    }
    return parts.join(' ');
  }
  return null;
}

/** Reads the plan's title, organisation, province and fiscal-year span from its cover and running text. */
export function readMetadata(lines: string[]): PlanMetadata {
  const title = findTitle(lines);
  const fromLines: string[] = [];
  for (const raw of lines) {
    const m = ORG_LINE.exec(collapseSpaces(raw));
    if (m?.[1] && !hasPlaceholder(m[1])) fromLines.push(m[1]);
  }
  let organization = mostFrequent(fromLines);
  if (!organization) {
    const tokens = lines.flatMap((l) => [...l.matchAll(ORG_TOKEN)].map((m) => m[1]!));
    organization = mostFrequent(tokens.filter((t) => !hasPlaceholder(t)));
  }
  let province: string | null = null;
  if (organization) {
    const escaped = organization.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`${escaped}\\s*(?:(?:อำเภอ|อ\\.)\\s*\\S+\\s*)?(?:จังหวัด|จ\\.)\\s*([ก-๙]+)`);
    for (const line of lines) {
      const m = re.exec(line);
      if (m?.[1]) {
        province = m[1];
        break;
      }
    }
  }
  const spanSource =
    title && SPAN.test(title) ? title : lines.find((l) => SPAN.test(l) && TITLE_START.test(l));
  const span = spanSource ? SPAN.exec(spanSource) : null;
  return {
    title,
    organization,
    province,
    span: span ? { from: Number(span[1]), to: Number(span[2]) } : null,
  };
}
