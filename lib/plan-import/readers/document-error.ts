/** Why a file was refused; the CLI and the upload page show `message` (Thai first, then English). */
export type DocumentProblem =
  | 'unknown-format'
  | 'image'
  | 'legacy-word'
  | 'not-word'
  | 'damaged'
  | 'pdf-no-text'
  | 'pdf-unreadable-thai'
  | 'encrypted';

/** Thrown when a file cannot be turned into the plan's text; the message says what to upload instead. */
export class DocumentReadError extends Error {
  override readonly name = 'DocumentReadError';
  constructor(
    readonly problem: DocumentProblem,
    readonly thai: string,
    readonly english: string,
  ) {
    super(`${thai}\n${english}`);
  }
}
