export interface DecodedText {
  text: string;
  warnings: string[];
}

// UTF-16 without a byte order mark still shows itself: Thai and ASCII text has a zero in every other byte.
function zeroShare(bytes: Uint8Array, parity: number): number {
  let zeros = 0;
  let count = 0;
  for (let i = parity; i < Math.min(bytes.length, 4096); i += 2, count++) if (bytes[i] === 0) zeros++;
  return count ? zeros / count : 0;
}

/**
 * Decodes a plain-text file: UTF-8 (with or without BOM), UTF-16 (BOM or zero-byte pattern), and, when the bytes
 * are not valid UTF-8, the Thai Windows code page (TIS-620 / windows-874) older Thai files use.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  if (bytes.length >= 4 && zeroShare(bytes, 1) > 0.3 && zeroShare(bytes, 0) < 0.05)
    return {
      text: new TextDecoder('utf-16le').decode(bytes),
      warnings: ['Decoded as UTF-16LE (no byte order mark).'],
    };
  if (bytes.length >= 4 && zeroShare(bytes, 0) > 0.3 && zeroShare(bytes, 1) < 0.05)
    return {
      text: new TextDecoder('utf-16be').decode(bytes),
      warnings: ['Decoded as UTF-16BE (no byte order mark).'],
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), warnings: [] };
  } catch {
    return {
      text: new TextDecoder('windows-874').decode(bytes),
      warnings: ['The text is not UTF-8; decoded as the Thai code page windows-874 (TIS-620).'],
    };
  }
}

/** True when the bytes look like text rather than binary data (few control characters). */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return true;
  if (zeroShare(sample, 0) > 0.3 || zeroShare(sample, 1) > 0.3) return true;
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return control / sample.length < 0.01;
}
