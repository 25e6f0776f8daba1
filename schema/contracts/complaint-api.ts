import * as z from 'zod/mini';
import { complaintTracks, evidenceContentTypes } from './complaint-rules';

/**
 * Answers of the LIFF complaint form API (worker/http/routes/complaint-form.ts), shared by the worker (to type
 * what it answers) and the LIFF page (to parse what it reads). zod/mini, as in ./plan-api.ts; what the
 * page SENDS is checked on the server with the full contract in ./complaint.ts.
 */

export const formCategory = z.object({ code: z.string(), name: z.string(), description: z.string() });
export type FormCategory = z.infer<typeof formCategory>;

/** GET /api/orgs/:org/complaints/categories; with the units (public) a tip may name as involved. */
export const formCategories = z.object({
  corruption: z.array(formCategory),
  grievance: z.array(formCategory),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Days after a case is finished until its personal data is erased, per track (the privacy notice). */
  retention: z.object({ corruption: z.number(), grievance: z.number() }),
});
export type FormCategories = z.infer<typeof formCategories>;

/** POST /api/orgs/:org/complaints/evidence: one stored file (metadata removed) and how many the form has. */
export const evidenceStored = z.object({
  id: z.string(),
  contentType: z.enum(evidenceContentTypes),
  sizeBytes: z.int(),
  sha256: z.string(),
  count: z.int(),
});
export type EvidenceStored = z.infer<typeof evidenceStored>;

/** POST /api/orgs/:org/complaints: the receipt. Dates are Thai calendar dates (YYYY-MM-DD, CE). */
export const complaintReceipt = z.object({
  /** True when this submission key had been filed before (a double tap): nothing new was written. */
  duplicate: z.boolean(),
  code: z.string(),
  track: z.enum(complaintTracks),
  categoryName: z.string(),
  /** Instant of receipt (ms). */
  createdAt: z.number(),
  acknowledgeDueOn: z.string(),
  resultDueOn: z.string(),
  evidenceCount: z.int(),
  /** False when an anonymous reporter chose not to be reached in LINE (nothing will be sent to them). */
  reachInLine: z.boolean(),
  /** Anonymous reports only: the PIN to note down (see docs/privacy.md for when it is shown). */
  pin: z.optional(z.string()),
});
export type ComplaintReceipt = z.infer<typeof complaintReceipt>;
