/**
 * Tracking codes (เลขรับเรื่อง): 8 symbols shown as two groups, "K7QM-4R9P". The alphabet leaves out
 * look-alikes (0/O, 1/I/L) and U, so a code survives being read aloud over the phone and typed on a
 * phone keyboard. Seven symbols are random (30^7 ≈ 2.2e10 per organisation); the eighth is a Luhn mod N
 * check symbol, which catches every single wrong symbol and nearly every swap of neighbours before any
 * lookup. Uniqueness is the database's job (UNIQUE (org_id, code), retried on conflict), never a
 * read-then-write.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = CODE_ALPHABET.length;
const RANDOM_SYMBOLS = 7;

/** Random bytes source, replaceable in tests. */
export type RandomBytes = (length: number) => Uint8Array;
const cryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** Luhn mod N check symbol for a string of alphabet symbols. */
export function checkSymbol(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const value = CODE_ALPHABET.indexOf(body[i]!);
    if (value < 0) throw new Error(`not a code symbol: ${body[i]}`);
    const addend = factor * value;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** `count` uniformly random alphabet symbols (rejection sampling, so no symbol is favoured). */
export function randomSymbols(count: number, random: RandomBytes = cryptoBytes): string {
  const limit = 256 - (256 % N);
  let out = '';
  while (out.length < count) {
    for (const byte of random(count * 2)) {
      if (byte < limit && out.length < count) out += CODE_ALPHABET[byte % N];
    }
  }
  return out;
}

/** A new random tracking code, formatted "XXXX-XXXX". */
export function newTrackingCode(random: RandomBytes = cryptoBytes): string {
  const body = randomSymbols(RANDOM_SYMBOLS, random);
  return formatCode(body + checkSymbol(body));
}

function formatCode(symbols: string): string {
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * What a person typed, as a canonical code ("k7qm 4r9p" → "K7QM-4R9P"), or null when it cannot be a
 * code (wrong length, a symbol outside the alphabet, or a failed check symbol).
 */
export function parseTrackingCode(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (symbols.length !== RANDOM_SYMBOLS + 1) return null;
  if ([...symbols].some((c) => !CODE_ALPHABET.includes(c))) return null;
  const body = symbols.slice(0, RANDOM_SYMBOLS);
  if (checkSymbol(body) !== symbols[RANDOM_SYMBOLS]) return null;
  return formatCode(symbols);
}

/** A 6-digit PIN for anonymous reports, uniformly random. */
export function newPin(random: RandomBytes = cryptoBytes): string {
  const limit = 2 ** 32 - (2 ** 32 % 1_000_000);
  for (;;) {
    const bytes = random(4);
    const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    if (value < limit) return String(value % 1_000_000).padStart(6, '0');
  }
}

/** An opaque random id: 128 bits in lower-case base32 (26 characters), for vault rows, drafts, files. */
export function opaqueId(random: RandomBytes = cryptoBytes): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = random(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}
