import { describe, expect, it } from 'vitest';
import { bangkokDate, formatThaiDate } from '../../lib/thai-date';
import {
  CODE_ALPHABET,
  checkSymbol,
  newPin,
  newTrackingCode,
  opaqueId,
  parseTrackingCode,
} from '../../worker/complaints/tracking-code';
import { addWorkingDays, isWorkingDay } from '../../worker/calendar/working-days';
import { createKeyring } from '../../worker/crypto/secret-box';
import { keyedHashes, saltedHash, verifySaltedHash } from '../../worker/crypto/keyed-hash';

describe('tracking codes', () => {
  it('are 8 symbols in two groups, from an alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(30);
    for (const c of '01OILU') expect(CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 500; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseTrackingCode(code)).toBe(code);
    }
  });

  it('do not repeat in 20,000 draws from a seeded byte source (the mapping keeps the entropy of the bytes)', () => {
    // Seeded, so the outcome is fixed: with crypto bytes two of 20,000 codes share all 7 random symbols
    // about once in 110 runs (30^7 ≈ 2.2e10), a collision the database's UNIQUE index retries.
    let state = 0x9e3779b9;
    const seeded = (length: number) =>
      Uint8Array.from({ length }, () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return state & 0xff;
      });
    const codes = new Set(Array.from({ length: 20_000 }, () => newTrackingCode(seeded)));
    expect(codes.size).toBe(20_000);
  });

  it('use every symbol about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++)
      for (const c of newTrackingCode().slice(0, 4)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(30);
    for (const n of counts.values()) expect(n).toBeGreaterThan(250); // expected 400
  });

  it.each([
    ['lower case and spaces', 'k7qm 4r9', true],
    ['a dash typed as en dash', 'K7QM–4R9', true],
    ['too short', 'K7QM-4R', false],
    ['a letter O (not in the alphabet)', 'K7QM-4O9', false],
    ['a digit 1 (not in the alphabet)', 'K7QM-419', false],
  ])('parse: %s', (_name, body, valid) => {
    const symbols = body.toUpperCase().replace(/[\s\-–]/g, '');
    const input = /^[2-9A-HJKMNP-TV-Z]{7}$/.test(symbols) ? `${body}${checkSymbol(symbols)}` : `${body}2`;
    expect(parseTrackingCode(input) !== null).toBe(valid);
  });

  it('the check symbol catches every single wrong symbol and most swapped neighbours', () => {
    let swapsCaught = 0;
    let swaps = 0;
    for (let n = 0; n < 200; n++) {
      const code = newTrackingCode().replace('-', '');
      for (let i = 0; i < 8; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          expect(parseTrackingCode(code.slice(0, i) + c + code.slice(i + 1))).toBeNull();
        }
        if (i < 7 && code[i] !== code[i + 1]) {
          swaps++;
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          if (parseTrackingCode(swapped) === null) swapsCaught++;
        }
      }
    }
    expect(swapsCaught / swaps).toBeGreaterThan(0.95);
  });

  it('PINs are 6 digits; opaque ids are 26 base32 characters', () => {
    for (let i = 0; i < 200; i++) {
      expect(newPin()).toMatch(/^\d{6}$/);
      expect(opaqueId()).toMatch(/^[a-z2-7]{26}$/);
    }
    expect(newPin(() => new Uint8Array([0, 0, 0, 7]))).toBe('000007');
  });
});

describe('working days (Thailand, UTC+7)', () => {
  const holidays = ['2026-12-10', '2026-12-31', '2027-01-01'];
  it.each([
    ['Friday + 2 = Tuesday', '2026-11-20', 2, '2026-11-24'],
    ['Saturday + 2 = Tuesday', '2026-11-21', 2, '2026-11-24'],
    ['Sunday + 1 = Monday', '2026-11-22', 1, '2026-11-23'],
    ['Monday + 15 = Monday three weeks on', '2026-11-02', 15, '2026-11-23'],
    ['over Constitution Day (Thu 10 Dec)', '2026-12-09', 2, '2026-12-14'],
    ['over New Year (31 Dec, 1 Jan)', '2026-12-30', 2, '2027-01-05'],
    ['zero days is the same day', '2026-11-21', 0, '2026-11-21'],
  ])('%s', (_name, start, n, expected) => {
    expect(addWorkingDays(start, n, holidays)).toBe(expected);
  });

  it('takes an instant as its Thai date: 23:30 UTC on Friday is already Saturday in Bangkok', () => {
    const fridayNightUtc = Date.parse('2026-11-20T23:30:00Z');
    expect(bangkokDate(fridayNightUtc)).toBe('2026-11-21');
    expect(addWorkingDays(fridayNightUtc, 2)).toBe('2026-11-24');
    expect(addWorkingDays(Date.parse('2026-11-20T16:59:00Z'), 2)).toBe('2026-11-24');
  });

  it('weekends and listed holidays are not working days', () => {
    expect(isWorkingDay('2026-11-21', new Set())).toBe(false);
    expect(isWorkingDay('2026-12-10', new Set(holidays))).toBe(false);
    expect(isWorkingDay('2026-12-11', new Set(holidays))).toBe(true);
  });

  it.each([
    ['2026-11-21', '21 พ.ย. 2569'],
    ['2027-01-05', '5 ม.ค. 2570'],
    ['2026-04-13', '13 เม.ย. 2569'],
  ])('formats %s in Buddhist Era as %s', (iso, thai) => {
    expect(formatThaiDate(iso)).toBe(thai);
  });
});

describe('keyed hashes', () => {
  const keyA = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
  const keyB = btoa(String.fromCharCode(...new Uint8Array(32).fill(8)));

  it('find a person under the current and the previous key, and differ per purpose', async () => {
    const before = await createKeyring(keyA);
    const [old] = await keyedHashes(before, 'complaint-draft-person', '1:Uabc');
    const after = await createKeyring(keyB, keyA);
    const [current, previous] = await keyedHashes(after, 'complaint-draft-person', '1:Uabc');
    expect(previous).toBe(old);
    expect(current).not.toBe(old);
    const [pin] = await keyedHashes(before, 'complaint-pin', '1:Uabc');
    expect(pin).not.toBe(old);
    expect(old).not.toContain('Uabc');
  });

  it('salted PIN hashes verify only the right PIN and survive rotation', async () => {
    const ring = await createKeyring(keyA);
    const stored = await saltedHash(ring, 'complaint-pin', '1:vault:123456');
    expect(stored).not.toContain('123456');
    expect(await saltedHash(ring, 'complaint-pin', '1:vault:123456')).not.toBe(stored);
    expect(await verifySaltedHash(ring, 'complaint-pin', '1:vault:123456', stored)).toBe(true);
    expect(await verifySaltedHash(ring, 'complaint-pin', '1:vault:123457', stored)).toBe(false);
    const rotated = await createKeyring(keyB, keyA);
    expect(await verifySaltedHash(rotated, 'complaint-pin', '1:vault:123456', stored)).toBe(true);
    expect(await verifySaltedHash(await createKeyring(keyB), 'complaint-pin', '1:vault:123456', stored)).toBe(
      false,
    );
  });
});
