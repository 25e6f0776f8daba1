/**
 * Small synthetic photos for metadata tests: a JPEG whose Exif carries a camera make, an orientation and
 * a GPS position (plus IPTC, a comment and a vendor trailer), and a PNG with text, time and Exif chunks.
 * Built byte by byte so every segment is known exactly.
 */

const ascii = (text: string) => Array.from(new TextEncoder().encode(text));
const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** A JPEG marker segment: FF <marker> <length> <payload>. */
export function segment(marker: number, payload: number[]): number[] {
  return [0xff, marker, ...u16be(payload.length + 2), ...payload];
}

/** What the camera wrote: recognisable so a test can look for it in stored bytes. */
export const CAMERA_MAKE = 'SecretCam-9000';
export const GPS_LATITUDE = [13, 45, 2] as const;

/** A little-endian TIFF block: IFD0 (Make, Orientation, GPS pointer) and a GPS IFD (N, 13°45'2"). */
function exifTiff(orientation: number): number[] {
  const make = [...ascii(CAMERA_MAKE), 0];
  const ifd0At = 8;
  const ifd0Size = 2 + 3 * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const gpsAt = makeAt + make.length;
  const gpsSize = 2 + 2 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...u16le(tag),
    ...u16le(type),
    ...u32le(count),
    ...value,
  ];
  return [
    ...ascii('II'),
    ...u16le(42),
    ...u32le(ifd0At),
    ...u16le(3),
    ...entry(0x010f, 2, make.length, u32le(makeAt)),
    ...entry(0x0112, 3, 1, [...u16le(orientation), 0, 0]),
    ...entry(0x8825, 4, 1, u32le(gpsAt)),
    ...u32le(0),
    ...make,
    ...u16le(2),
    ...entry(0x0001, 2, 2, [...ascii('N'), 0, 0, 0]),
    ...entry(0x0002, 5, 3, u32le(latAt)),
    ...u32le(0),
    ...GPS_LATITUDE.flatMap((v) => [...u32le(v), ...u32le(1)]),
  ];
}

/** The parts of the test JPEG, by name, so tests can state exactly which survive. */
export function jpegParts(options: { orientation?: number } = {}) {
  const scan = [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78];
  return {
    soi: [0xff, 0xd8],
    jfif: segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    exif: segment(0xe1, [...ascii('Exif'), 0, 0, ...exifTiff(options.orientation ?? 6)]),
    xmp: segment(0xe1, [...ascii('http://ns.adobe.com/xap/1.0/'), 0, ...ascii('<x:xmpmeta>GPS</x:xmpmeta>')]),
    icc: segment(0xe2, [...ascii('ICC_PROFILE'), 0, 1, 1, 1, 2, 3, 4]),
    iptc: segment(0xed, [...ascii('Photoshop 3.0'), 0, ...ascii('8BIM'), ...ascii('By-line: Somchai')]),
    comment: segment(0xfe, ascii('taken by Somchai at home')),
    dqt: segment(0xdb, [0, ...new Array(64).fill(1)]),
    sof: segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    dht: segment(0xc4, [0, 1, ...new Array(15).fill(0), 0]),
    sos: [...segment(0xda, [1, 1, 0, 0, 0x3f, 0]), ...scan],
    eoi: [0xff, 0xd9],
    trailer: ascii('SEFT vendor trailer lat=13.7563 lon=100.5018'),
  };
}

/** The full test JPEG with every kind of metadata. */
export function jpegWithMetadata(options: { orientation?: number } = {}): Uint8Array {
  const p = jpegParts(options);
  return Uint8Array.from([
    ...p.soi,
    ...p.jfif,
    ...p.exif,
    ...p.xmp,
    ...p.icc,
    ...p.iptc,
    ...p.comment,
    ...p.dqt,
    ...p.sof,
    ...p.dht,
    ...p.sos,
    ...p.eoi,
    ...p.trailer,
  ]);
}

/** A plain JPEG of exactly `size` bytes (a long scan), for size limits. */
export function largeJpeg(size: number): Uint8Array {
  const p = jpegParts();
  const head = Uint8Array.from([
    ...p.soi,
    ...p.jfif,
    ...p.dqt,
    ...p.sof,
    ...p.dht,
    ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
  ]);
  const out = new Uint8Array(size).fill(0x11);
  out.set(head);
  out.set([0xff, 0xd9], size - 2);
  return out;
}

function crc32(bytes: number[]): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG chunk with its CRC. */
export function chunk(type: string, data: number[]): number[] {
  const body = [...ascii(type), ...data];
  return [...u32be(data.length), ...body, ...u32be(crc32(body))];
}

/** The parts of the test PNG (a 1×1 image) by name. */
export function pngParts() {
  return {
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ihdr: chunk('IHDR', [...u32be(1), ...u32be(1), 8, 6, 0, 0, 0]),
    text: chunk('tEXt', [...ascii('Author'), 0, ...ascii('Somchai')]),
    itxt: chunk('iTXt', [...ascii('Comment'), 0, 0, 0, 0, 0, ...ascii('บ้านเลขที่ 9')]),
    ztxt: chunk('zTXt', [...ascii('Software'), 0, 0, 1, 2, 3]),
    time: chunk('tIME', [0x07, 0xea, 11, 21, 9, 30, 0]),
    exif: chunk('eXIf', exifTiff(1)),
    idat: chunk('IDAT', [0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 5, 0, 1, 0xff, 0x89, 0x99, 0x3d]),
    iend: chunk('IEND', []),
    trailer: ascii('trailing junk'),
  };
}

/** The full test PNG with every kind of metadata. */
export function pngWithMetadata(): Uint8Array {
  const p = pngParts();
  return Uint8Array.from([
    ...p.signature,
    ...p.ihdr,
    ...p.text,
    ...p.itxt,
    ...p.time,
    ...p.exif,
    ...p.idat,
    ...p.ztxt,
    ...p.iend,
    ...p.trailer,
  ]);
}

/** Base64 of bytes (for the platform's contentBase64). */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** True when `needle` occurs in `haystack` as bytes. */
export function containsBytes(haystack: Uint8Array, needle: string | number[]): boolean {
  const n = typeof needle === 'string' ? new TextEncoder().encode(needle) : Uint8Array.from(needle);
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
