import { describe, expect, it } from 'vitest';
import {
  exifOrientation,
  orientationSegment,
  stripImageMetadata,
} from '../../worker/complaints/metadata-strip';
import {
  CAMERA_MAKE,
  chunk,
  containsBytes,
  jpegParts,
  jpegWithMetadata,
  pngParts,
  pngWithMetadata,
} from './support/images';

const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());

describe('JPEG metadata removal', () => {
  const p = jpegParts({ orientation: 6 });

  it('keeps the image data bit for bit and drops Exif (GPS, camera), XMP, IPTC, comments and trailers', () => {
    const input = jpegWithMetadata({ orientation: 6 });
    expect(containsBytes(input, CAMERA_MAKE)).toBe(true);
    const out = stripImageMetadata(input)!;
    const expected = bytes(
      p.soi,
      Array.from(orientationSegment(6)),
      p.jfif,
      p.icc,
      p.dqt,
      p.sof,
      p.dht,
      p.sos,
      p.eoi,
    );
    expect(out.bytes).toEqual(expected);
    expect(out.removedBytes).toBe(input.length - expected.length);
    for (const secret of [CAMERA_MAKE, 'Somchai', 'xmpmeta', 'SEFT', 'Exif\0\0II']) {
      expect(containsBytes(out.bytes, secret), secret).toBe(false);
    }
  });

  it('keeps only the orientation, so phone photos do not turn sideways', () => {
    const out = stripImageMetadata(jpegWithMetadata({ orientation: 6 }))!;
    const app1 = out.bytes.subarray(2, 2 + orientationSegment(6).length);
    expect(exifOrientation(app1.subarray(10))).toBe(6);
  });

  it.each<[string, number[][], number[][]]>([
    [
      'already clean: unchanged',
      [p.soi, p.jfif, p.dqt, p.sof, p.dht, p.sos, p.eoi],
      [p.soi, p.jfif, p.dqt, p.sof, p.dht, p.sos, p.eoi],
    ],
    [
      'upright Exif (orientation 1): no Exif kept',
      [p.soi, jpegParts({ orientation: 1 }).exif, p.dqt, p.sos, p.eoi],
      [p.soi, p.dqt, p.sos, p.eoi],
    ],
    ['comment only', [p.soi, p.comment, p.dqt, p.sos, p.eoi], [p.soi, p.dqt, p.sos, p.eoi]],
    ['IPTC only', [p.soi, p.iptc, p.sos, p.eoi], [p.soi, p.sos, p.eoi]],
    [
      'unknown APP segment (APP12)',
      [p.soi, [0xff, 0xec, 0, 6, 65, 66, 67, 68], p.sos, p.eoi],
      [p.soi, p.sos, p.eoi],
    ],
    [
      'a second scan after a table (progressive)',
      [p.soi, p.sos, p.dht, p.sos, p.eoi, p.trailer],
      [p.soi, p.sos, p.dht, p.sos, p.eoi],
    ],
  ])('%s', (_name, input, expected) => {
    expect(stripImageMetadata(bytes(...input))!.bytes).toEqual(bytes(...expected));
  });

  it.each<[string, Uint8Array]>([
    ['truncated inside a segment', jpegWithMetadata().subarray(0, 30)],
    ['no end of image', bytes(p.soi, p.jfif, p.sos)],
    ['a segment length past the end', bytes(p.soi, [0xff, 0xe1, 0xff, 0xff, 1, 2])],
    ['garbage between segments', bytes(p.soi, [0x00, 0x01], p.eoi)],
    ['not an image at all', new TextEncoder().encode('%PDF-1.7')],
  ])('refuses malformed input: %s', (_name, input) => {
    expect(stripImageMetadata(input)).toBeNull();
  });
});

describe('PNG metadata removal', () => {
  const p = pngParts();

  it('keeps header, palette and image data; drops text, time, Exif chunks and trailing bytes', () => {
    const input = pngWithMetadata();
    const out = stripImageMetadata(input)!;
    expect(out.bytes).toEqual(bytes(p.signature, p.ihdr, p.idat, p.iend));
    expect(out.removedBytes).toBe(input.length - out.bytes.length);
    for (const secret of ['Somchai', 'tIME', 'eXIf', 'iTXt', 'zTXt', CAMERA_MAKE])
      expect(containsBytes(out.bytes, secret)).toBe(false);
  });

  it.each<[string, number[][], number[][]]>([
    ['clean: unchanged', [p.signature, p.ihdr, p.idat, p.iend], [p.signature, p.ihdr, p.idat, p.iend]],
    [
      'keeps colour chunks (gAMA, sRGB, pHYs)',
      [
        p.signature,
        p.ihdr,
        chunk('gAMA', [0, 0, 0xb1, 0x8f]),
        chunk('sRGB', [0]),
        chunk('pHYs', new Array(9).fill(0)),
        p.idat,
        p.iend,
      ],
      [
        p.signature,
        p.ihdr,
        chunk('gAMA', [0, 0, 0xb1, 0x8f]),
        chunk('sRGB', [0]),
        chunk('pHYs', new Array(9).fill(0)),
        p.idat,
        p.iend,
      ],
    ],
    [
      'drops private chunks',
      [p.signature, p.ihdr, chunk('prVt', [1, 2, 3]), p.idat, p.iend],
      [p.signature, p.ihdr, p.idat, p.iend],
    ],
  ])('%s', (_name, input, expected) => {
    expect(stripImageMetadata(bytes(...input))!.bytes).toEqual(bytes(...expected));
  });

  it.each<[string, Uint8Array]>([
    ['no IEND', bytes(p.signature, p.ihdr, p.idat)],
    [
      'a chunk length past the end',
      bytes(p.signature, [0x7f, 0, 0, 0], Array.from(new TextEncoder().encode('IDAT'))),
    ],
  ])('refuses malformed input: %s', (_name, input) => {
    expect(stripImageMetadata(input)).toBeNull();
  });
});
