/**
 * Removes metadata from photos before they are stored, at byte level (no decoding, so the image data is
 * kept bit for bit): camera model, GPS position, capture time, software, comments, thumbnails. A photo
 * from a phone can otherwise tell who took it and where they live.
 *
 * Whitelists rather than blacklists: an unknown segment or chunk might carry metadata, so only what a
 * decoder needs survives. Anything after the end of the image (phone vendors append trailers, motion
 * photos, secondary images) is dropped. Malformed input returns null: the caller refuses the file
 * rather than store something it could not clean.
 */
export interface Stripped {
  bytes: Uint8Array;
  removedBytes: number;
}

const JPEG_KEEP_APP = new Set([0xe0, 0xee]); // APP0 JFIF, APP14 Adobe (colour transform)
const ICC_PREFIX = 'ICC_PROFILE\0';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'bKGD',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

/** JPEG or PNG with metadata removed; null if the bytes are neither or are malformed. */
export function stripImageMetadata(bytes: Uint8Array): Stripped | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return stripPng(bytes);
  return null;
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function stripJpeg(bytes: Uint8Array): Stripped | null {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | null = null;
  let i = 2;
  for (;;) {
    if (i + 1 >= bytes.length || bytes[i] !== 0xff) return null;
    while (bytes[i + 1] === 0xff) i++; // fill bytes
    const marker = bytes[i + 1]!;
    if (marker === 0xd9) {
      parts.push(bytes.subarray(i, i + 2));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length) return null;
    const end = i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    if (end > bytes.length || end < i + 4) return null;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      let j = end;
      while (j + 1 < bytes.length && !(bytes[j] === 0xff && bytes[j + 1] !== 0 && !isRestart(bytes[j + 1]!)))
        j++;
      if (j + 1 >= bytes.length) return null;
      parts.push(bytes.subarray(i, j));
      i = j;
      continue;
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep =
      (!isApp && marker !== 0xfe) ||
      JPEG_KEEP_APP.has(marker) ||
      (marker === 0xe2 && ascii(bytes, i + 4, ICC_PREFIX.length) === ICC_PREFIX);
    if (marker === 0xe1 && ascii(bytes, i + 4, 6) === 'Exif\0\0') {
      orientation ??= exifOrientation(bytes.subarray(i + 10, end));
    }
    if (keep) parts.push(bytes.subarray(i, end));
    i = end;
  }
  // Keep only the orientation (a phone photo would otherwise show sideways), in a minimal Exif block.
  if (orientation && orientation !== 1) parts.splice(1, 0, orientationSegment(orientation));
  return assemble(parts, bytes.length);
}

function isRestart(marker: number): boolean {
  return marker >= 0xd0 && marker <= 0xd7;
}

/** The Orientation tag (0x0112) of IFD0 of a TIFF structure, or null. */
export function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 Exif segment holding only IFD0 with one Orientation entry (big-endian TIFF). */
export function orientationSegment(orientation: number): Uint8Array {
  const payload = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8], // TIFF header, IFD0 at 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, 1 value
    ...[0, 0, 0, 0], // no next IFD
  ];
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

function stripPng(bytes: Uint8Array): Stripped | null {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  for (;;) {
    if (i + 12 > bytes.length) return null;
    const length = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const end = i + 12 + length;
    if (end > bytes.length) return null;
    const type = ascii(bytes, i + 4, 4);
    if (PNG_KEEP.has(type)) parts.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return assemble(parts, bytes.length);
}

function assemble(parts: Uint8Array[], originalLength: number): Stripped {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { bytes: out, removedBytes: Math.max(0, originalLength - total) };
}
