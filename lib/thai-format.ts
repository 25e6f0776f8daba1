/**
 * Thai formatting shared by the bot's messages and the LIFF pages (pure; no zod, no DOM). Money is whole
 * baht with thousands separators; years are Buddhist Era, as Thai readers expect.
 */

const integer = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567". */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** 1234567 → "1,234,567 บาท"; 0 → "ไม่ใช้งบประมาณ" (what the plans themselves write). */
export function formatBaht(amount: number): string {
  return amount === 0 ? 'ไม่ใช้งบประมาณ' : `${integer.format(amount)} บาท`;
}

/** A span of BE fiscal years: "2566–2570", or "2568" for one year. */
export function yearSpan(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

const kindNames = { project: 'โครงการ', activity: 'กิจกรรม', measure: 'มาตรการ' } as const;

/** The Thai word for a project kind: โครงการ / กิจกรรม / มาตรการ. */
export function kindName(kind: keyof typeof kindNames): string {
  return kindNames[kind];
}

/** "4 โครงการ 3 กิจกรรม" style breakdown, skipping kinds with none; "ไม่มีโครงการ" when empty. */
export function kindBreakdown(kinds: Record<keyof typeof kindNames, number>): string {
  const parts = (Object.keys(kindNames) as (keyof typeof kindNames)[])
    .filter((k) => kinds[k] > 0)
    .map((k) => `${kinds[k]} ${kindNames[k]}`);
  return parts.length > 0 ? parts.join(' ') : 'ไม่มีโครงการ';
}
