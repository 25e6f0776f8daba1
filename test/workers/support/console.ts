import { afterAll, beforeAll, vi } from 'vitest';

/**
 * Every console line of a test file, recorded (and still printed) from a beforeAll registered here to the
 * file's end. `errorsInFull` writes an error with its own properties (message, stack), not as `{}`.
 */
export function captureConsole(options: { errorsInFull?: boolean } = {}): string[] {
  const lines: string[] = [];
  const show = (a: unknown) =>
    typeof a === 'string'
      ? a
      : options.errorsInFull
        ? JSON.stringify(a, Object.getOwnPropertyNames(a ?? {}))
        : JSON.stringify(a);
  beforeAll(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(show).join(' '));
        original(...args);
      });
    }
  });
  afterAll(() => vi.restoreAllMocks());
  return lines;
}
