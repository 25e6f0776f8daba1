/** Thrown when the text is not an anti-corruption action plan (for example an ITA report). */
export class NotAPlanError extends Error {
  override readonly name = 'NotAPlanError';
}
