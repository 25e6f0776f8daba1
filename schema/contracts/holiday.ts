import { z } from 'zod';

/**
 * A day off in the holiday calendar (worker/calendar): a standing or lunar public holiday, its
 * substitution day (วันหยุดชดเชย), or a special day the Cabinet or an organisation announced.
 */
export const holidayKinds = ['holiday', 'substitution', 'special'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD (Common Era year, e.g. 2028-01-01)')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a real calendar date')
  // 2571-01-01 is a valid ISO date, but surely a Buddhist Era year typed by mistake.
  .refine(
    (d) => Number(d.slice(0, 4)) < 2400,
    'the year looks like a Buddhist Era year: write the Common Era year (BE − 543)',
  );

/** One row of the holiday calendar, as the operator loads it (tools/holidays-load.ts). */
export const holidayRow = z.object({
  date: isoDate,
  name: z.string().trim().min(2, 'name is required').max(200),
  kind: z.enum(holidayKinds, { error: `kind must be one of ${holidayKinds.join(', ')}` }),
  source: z
    .string()
    .trim()
    .min(3, 'source is required (the announcement or rule the day comes from)')
    .max(300),
});
export type HolidayRow = z.infer<typeof holidayRow>;
