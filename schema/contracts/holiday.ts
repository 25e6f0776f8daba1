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
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'not a real calendar date');

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
