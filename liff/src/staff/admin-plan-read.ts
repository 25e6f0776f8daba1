import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';
import type { PlanDocument } from '../../../schema/contracts/plan-document';
import { NotAPlanError, parsePlan } from '../../../lib/plan-import/parse-plan';
import { DocumentReadError, isPdf, readDocument } from '../../../lib/plan-import/readers/read-document';

/** Far above any real plan (the seed plans are 0.2–2 MB as PDF); a larger file is not a plan document. */
const MAX_FILE_BYTES = 30 * 1024 * 1024;

export type PlanRead =
  | { ok: true; doc: PlanDocument; format: 'txt' | 'docx' | 'pdf'; readMs: number; parseMs: number }
  | { ok: false; title: string; detail: string };

/**
 * Reads the chosen file and parses it as a plan, in the browser (a Worker on the free plan has 10 ms of
 * CPU; a plan takes tens of milliseconds to parse). A file that cannot be read, or is not a plan, gets the
 * importer's own Thai explanation: what was found, where reading stopped and what was expected there.
 */
export async function readPlanFile(file: File): Promise<PlanRead> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, title: 'ไฟล์ใหญ่เกินไป', detail: 'ไฟล์แผนต้องมีขนาดไม่เกิน 30 MB' };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isPdf(bytes)) {
    // pdf.js reads in a Web Worker of its own; loaded only when the file is a PDF.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  }
  try {
    const started = performance.now();
    const read = await readDocument(bytes, file.name);
    const parsing = performance.now();
    const doc = parsePlan(read.text);
    return {
      ok: true,
      doc,
      format: read.format,
      readMs: parsing - started,
      parseMs: performance.now() - parsing,
    };
  } catch (error) {
    if (error instanceof DocumentReadError) return { ok: false, title: 'อ่านไฟล์นี้ไม่ได้', detail: error.thai };
    if (error instanceof NotAPlanError) {
      return { ok: false, title: 'อ่านไฟล์นี้เป็นแผนไม่ได้', detail: error.diagnostic.thai };
    }
    throw error;
  }
}
